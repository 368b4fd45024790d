namespace AdaPlugin.Service;

/// <summary>
/// One armed take: the worker publishes <see cref="Binding"/>; the audio thread reads the ring into
/// <see cref="Interleaved"/> once per block and marks when a voice last used it (the worker re-arms the least
/// recently used slot first). Allocated at activation only.
/// </summary>
internal sealed class TakeSlot(int maxFrames)
{
    /// <summary>The ring this slot plays, or null; written by the worker (Volatile), read by the audio thread.</summary>
    public RingBinding? Binding;

    /// <summary>The current block's frames (frames × 2 channels), valid when <see cref="FilledBlock"/> is the current block.</summary>
    public readonly float[] Interleaved = new float[maxFrames * 2];

    /// <summary>Audio thread: the block <see cref="Interleaved"/> was filled in.</summary>
    public long FilledBlock = -1;

    /// <summary>Audio thread: the binding <see cref="Interleaved"/> was filled from.</summary>
    public RingBinding? FilledFrom;

    /// <summary>Last block a voice read this slot (audio thread writes, worker reads; Volatile).</summary>
    public long LastUsedBlock;

    /// <summary>Worker only: the key an ArmTake for this slot is waiting on, or -1.</summary>
    public int PendingKey = -1;
}
