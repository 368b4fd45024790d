namespace AdaPlugin.Service;

/// <summary>
/// What the audio thread and the service worker share. Every field has one writer; values are exchanged with
/// Volatile reads and writes, never locks, so the audio thread cannot be blocked by the worker.
/// </summary>
internal sealed class ServiceLink(int slotCount, int maxFrames, double sampleRate)
{
    /// <summary>MIDI keys; also the number of takes a preset can offer one instance.</summary>
    public const int KeyCount = 128;

    /// <summary>Host sample rate (the rings run at it).</summary>
    public readonly double SampleRate = sampleRate;

    /// <summary>Largest block the host sends.</summary>
    public readonly int MaxFrames = maxFrames;

    /// <summary>The armed takes.</summary>
    public readonly TakeSlot[] Slots = [.. Enumerable.Range(0, slotCount).Select(_ => new TakeSlot(maxFrames))];

    /// <summary>
    /// Per key: the block of its latest note-on (audio thread), <see cref="Remembered"/> for a key played in an earlier
    /// session (worker), 0 for never. The worker arms wanted keys; a key may only displace a take last played before it was.
    /// </summary>
    public readonly long[] WantedAt = new long[KeyCount];

    /// <summary>The <see cref="WantedAt"/> mark of a key remembered from the state: armed into a free slot only.</summary>
    public const long Remembered = -1;

    /// <summary>Note events for the service.</summary>
    public readonly NoteForwardQueue Notes = new(1024);

    /// <summary>Audio thread: process calls with frames so far (a retired ring is disposed two blocks later).</summary>
    public long Block;

    /// <summary>Audio thread: the host transport as of the last block.</summary>
    public int Playing;

    /// <summary>Audio thread: project sample of the last block.</summary>
    public long Position;

    /// <summary>Audio thread: tempo of the last block (0 unknown).</summary>
    public double Tempo;

    /// <summary>Audio thread: musical position of the last block.</summary>
    public double Beats;

    /// <summary>Audio thread: time signature of the last block, numerator × 256 + denominator (0 unknown).</summary>
    public int Signature;

    /// <summary>Audio thread: where the service should restart the rings; valid once <see cref="SeekSequence"/> moved.</summary>
    public long SeekPosition;

    /// <summary>Audio thread: bumped after <see cref="SeekPosition"/> is written.</summary>
    public long SeekSequence;

    /// <summary>Worker: ArmTake requests sent since activation.</summary>
    public long ArmRequests;

    /// <summary>Worker: 1 while a handshaken connection to the service is open.</summary>
    public int Connected;

    /// <summary>Worker: 1 while the selected preset's model differs from the one the loaded project recorded.</summary>
    public int ModelChanged;

    /// <summary>Asks the worker to restart the rings at <paramref name="position"/> (audio thread).</summary>
    public void RequestSeek(long position)
    {
        Volatile.Write(ref SeekPosition, position);
        Volatile.Write(ref SeekSequence, SeekSequence + 1);
    }
}
