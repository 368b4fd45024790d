namespace AdaPlugin;

/// <summary>
/// The side-chain ("Primer" bus) history: the audio thread writes every block into a ring sized for the longest
/// primer plus a margin, and a capture request latches the last N frames. A non-realtime reader (the service
/// connection, later) copies the capture out and checks afterwards that the writer did not overwrite it meanwhile.
/// </summary>
public sealed class PrimerRecorder
{
    private readonly float[] _left;
    private readonly float[] _right;
    private long _written;
    private long _captureEnd = -1;
    private int _captureFrames;
    private int _captures;

    /// <summary>A ring of <paramref name="capacityFrames"/> stereo frames.</summary>
    public PrimerRecorder(int capacityFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityFrames, 1);
        _left = new float[capacityFrames];
        _right = new float[capacityFrames];
    }

    /// <summary>The ring size in frames.</summary>
    public int Capacity => _left.Length;

    /// <summary>How many captures were requested since creation.</summary>
    public int CaptureCount => Volatile.Read(ref _captures);

    /// <summary>Appends one block (audio thread).</summary>
    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var written = Volatile.Read(ref _written);
        for (var i = 0; i < left.Length; i++)
        {
            var at = (int)((written + i) % _left.Length);
            _left[at] = left[i];
            _right[at] = i < right.Length ? right[i] : left[i];
        }
        Volatile.Write(ref _written, written + left.Length);
    }

    /// <summary>Latches the last <paramref name="frames"/> frames (fewer if less was recorded) as the capture (audio thread).</summary>
    public void RequestCapture(int frames)
    {
        var written = Volatile.Read(ref _written);
        Volatile.Write(ref _captureFrames, (int)Math.Min(Math.Min(frames, _left.Length), written));
        Volatile.Write(ref _captureEnd, written);
        Interlocked.Increment(ref _captures);
    }

    /// <summary>
    /// Copies the latest capture (non-realtime). False if there is none, the spans are too small, or the writer
    /// overwrote part of it while copying (then the capture is lost and must be requested again).
    /// </summary>
    public bool TryCopyCapture(Span<float> left, Span<float> right, out int frames)
    {
        var end = Volatile.Read(ref _captureEnd);
        frames = Volatile.Read(ref _captureFrames);
        if (end < 0 || left.Length < frames || right.Length < frames || end != Volatile.Read(ref _captureEnd))
        {
            frames = 0;
            return false;
        }
        var start = end - frames;
        for (var i = 0; i < frames; i++)
        {
            var at = (int)((start + i) % _left.Length);
            left[i] = _left[at];
            right[i] = _right[at];
        }
        var overwritten = Volatile.Read(ref _written) - start > _left.Length;
        if (overwritten)
        {
            frames = 0;
        }
        return !overwritten;
    }
}
