namespace Ada.Protocol.Rings;

/// <summary>Where the reader stands: the next frame's project position and how many frames follow it.</summary>
/// <param name="ProjectPosition">Project sample of the next frame to read.</param>
/// <param name="TakeId">Take of the current segment.</param>
/// <param name="Generation">Generation of the current segment.</param>
/// <param name="AvailableFrames">Frames readable now, all in the current segment.</param>
public readonly record struct RingCursor(long ProjectPosition, ulong TakeId, ulong Generation, int AvailableFrames);
