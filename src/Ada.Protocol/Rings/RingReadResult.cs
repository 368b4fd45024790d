namespace Ada.Protocol.Rings;

/// <summary>What <see cref="RingReader.ReadAt"/> put in the block; frames not from the ring are silence.</summary>
/// <param name="Status">How the block was filled.</param>
/// <param name="FramesFromRing">Frames copied from the ring.</param>
/// <param name="LeadingSilenceFrames">Silent frames before the first ring frame (the segment starts inside the block).</param>
public readonly record struct RingReadResult(RingReadStatus Status, int FramesFromRing, int LeadingSilenceFrames);
