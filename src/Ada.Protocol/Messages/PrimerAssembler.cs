namespace Ada.Protocol.Messages;

/// <summary>
/// Reassembles one primer from its chunks (in order, as the socket delivers them) and checks the hash
/// of the result, so a primer the service stores is exactly the one the plugin captured.
/// </summary>
public sealed class PrimerAssembler
{
    private readonly long _maxFrames;
    private float[]? _samples;
    private long _receivedFrames;

    /// <summary>An empty assembler that accepts primers of up to <paramref name="maxFrames"/> frames.</summary>
    public PrimerAssembler(long maxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrames);
        _maxFrames = maxFrames;
    }

    /// <summary>The primer's hash (from the first chunk).</summary>
    public ContentHash Hash { get; private set; }

    /// <summary>Channels (from the first chunk).</summary>
    public int Channels { get; private set; }

    /// <summary>Sample rate in Hz (from the first chunk).</summary>
    public int SampleRate { get; private set; }

    /// <summary>Frames in the whole primer (from the first chunk).</summary>
    public long TotalFrames { get; private set; }

    /// <summary>True once every frame arrived and the hash matched.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The primer's interleaved samples; only valid when <see cref="IsComplete"/>.</summary>
    public ReadOnlyMemory<float> Samples => IsComplete ? _samples : ReadOnlyMemory<float>.Empty;

    /// <summary>Adds the next chunk; false (with the reason) when it does not continue this primer or the finished hash is wrong.</summary>
    public bool TryAdd(in PrimerChunkMessage chunk, out ProtocolError error)
    {
        error = ProtocolError.None;
        if (_samples is null && !TryStart(chunk, out error)) return false;
        string? problem =
            IsComplete ? "the primer is already complete"
            : chunk.PrimerHash != Hash || chunk.TotalFrames != TotalFrames || chunk.Channels != Channels || chunk.SampleRate != SampleRate
                ? $"chunk of primer {chunk.PrimerHash} does not match primer {Hash} being assembled"
            : chunk.OffsetFrames != _receivedFrames ? $"chunk starts at frame {chunk.OffsetFrames}, expected {_receivedFrames}"
            : null;
        if (problem is not null) return Fail(problem, out error);

        chunk.Samples.CopyTo(_samples!, _receivedFrames * Channels);
        _receivedFrames += chunk.FrameCount;
        if (_receivedFrames < TotalFrames) return true;

        var actual = ContentHash.OfSamples(_samples, Channels, SampleRate);
        if (actual != Hash) return Fail($"assembled primer hashes to {actual}, the chunks announced {Hash}", out error);
        IsComplete = true;
        return true;
    }

    private bool TryStart(in PrimerChunkMessage chunk, out ProtocolError error)
    {
        error = ProtocolError.None;
        if (chunk.TotalFrames > _maxFrames || chunk.TotalFrames * chunk.Channels > Array.MaxLength)
            return Fail($"primer of {chunk.TotalFrames} frames exceeds the limit of {_maxFrames}", out error);
        Hash = chunk.PrimerHash;
        Channels = chunk.Channels;
        SampleRate = (int)chunk.SampleRate;
        TotalFrames = chunk.TotalFrames;
        _samples = new float[TotalFrames * Channels];
        return true;
    }

    private static bool Fail(string problem, out ProtocolError error)
    {
        error = new ProtocolError(ProtocolErrorCode.InvalidValue, $"PrimerChunk: {problem}");
        return false;
    }
}
