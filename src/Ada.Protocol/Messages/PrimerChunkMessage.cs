using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>
/// Client → service: one piece of a primer snapshot. A primer of any length travels as consecutive chunks,
/// each below <see cref="ProtocolLimits.MaxPayloadSize"/>, in order (offset 0 first); see <see cref="PrimerChunker"/>
/// and <see cref="PrimerAssembler"/>.
/// </summary>
/// <param name="PrimerHash">The whole primer's <see cref="ContentHash.OfSamples"/>.</param>
/// <param name="OffsetFrames">Frame index of this chunk's first frame within the primer.</param>
/// <param name="TotalFrames">Frames in the whole primer.</param>
/// <param name="SampleRate">Primer sample rate in Hz.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="Samples">Interleaved samples, (frames, channels) flattened, finite values.</param>
public readonly record struct PrimerChunkMessage(
    ContentHash PrimerHash, long OffsetFrames, long TotalFrames, uint SampleRate, ushort Channels, float[] Samples)
    : IProtocolMessage<PrimerChunkMessage>
{
    private const int FixedBytes = ContentHash.Size + 8 + 8 + 4 + 2;

    /// <summary>Most samples (not frames) one chunk can carry.</summary>
    public const int MaxSamplesPerChunk = (ProtocolLimits.MaxPayloadSize - FixedBytes - sizeof(uint)) / sizeof(float);

    /// <summary>Most whole frames of <paramref name="channels"/> one chunk can carry.</summary>
    public static int MaxFramesPerChunk(int channels) => MaxSamplesPerChunk / channels;

    /// <inheritdoc />
    public static MessageType Type => MessageType.PrimerChunk;

    /// <summary>Frames in this chunk.</summary>
    public int FrameCount => Channels == 0 || Samples is null ? 0 : Samples.Length / Channels;

    /// <inheritdoc />
    public int GetPayloadSize() => FixedBytes + WireSize.Floats(Samples?.Length ?? 0);

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.Hash(PrimerHash);
        w.I64(OffsetFrames);
        w.I64(TotalFrames);
        w.U32(SampleRate);
        w.U16(Channels);
        w.Floats(Samples);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out PrimerChunkMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new PrimerChunkMessage(r.Hash("primer hash"), r.I64("offset frames"), r.I64("total frames"),
            r.U32("sample rate"), r.U16("channels"), r.Floats("samples"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    /// <summary>Value equality including the samples (a record's default would compare the array reference).</summary>
    public bool Equals(PrimerChunkMessage other) =>
        PrimerHash == other.PrimerHash && OffsetFrames == other.OffsetFrames && TotalFrames == other.TotalFrames
        && SampleRate == other.SampleRate && Channels == other.Channels
        && (Samples ?? []).AsSpan().SequenceEqual(other.Samples ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PrimerHash, OffsetFrames, TotalFrames, SampleRate, Channels, Samples?.Length);

    private string? Problem() =>
        Channels is 0 or > ProtocolLimits.MaxChannels ? $"channels {Channels} is outside 1..{ProtocolLimits.MaxChannels}"
        : !Checks.IsRate(SampleRate) ? $"sample rate {SampleRate} is outside 1..{Checks.MaxSampleRate}"
        : Samples is null ? "samples is null"
        : Samples.Length == 0 || Samples.Length % Channels != 0 ? $"{Samples.Length} samples is not a positive multiple of {Channels} channels"
        : Samples.Length > MaxSamplesPerChunk ? $"{Samples.Length} samples exceed the {MaxSamplesPerChunk} a chunk can carry"
        : OffsetFrames < 0 || TotalFrames <= 0 || OffsetFrames > TotalFrames - FrameCount
            ? $"frames {OffsetFrames}..+{FrameCount} do not fit in a primer of {TotalFrames} frames"
        : !AllFinite(Samples) ? "samples contain NaN or infinity"
        : null;

    private static bool AllFinite(float[] samples)
    {
        foreach (float s in samples)
            if (!float.IsFinite(s)) return false;
        return true;
    }
}
