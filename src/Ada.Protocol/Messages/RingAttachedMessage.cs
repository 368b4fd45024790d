using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>
/// Service → client, reply to <see cref="ArmTakeMessage"/>: open this ring with <c>RingReader.TryOpen</c>.
/// The format fields let the client cross-check the header it finds there.
/// </summary>
/// <param name="TakeId">The take streamed into the ring.</param>
/// <param name="RingPath">Absolute path of the ring's memory-mapped file.</param>
/// <param name="CapacityFrames">Ring capacity in frames (a power of two).</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRate">Sample rate of the ring's audio in Hz.</param>
public readonly record struct RingAttachedMessage(ulong TakeId, string RingPath, uint CapacityFrames, ushort Channels, uint SampleRate)
    : IProtocolMessage<RingAttachedMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.RingAttached;

    /// <inheritdoc />
    public int GetPayloadSize() => 8 + WireSize.String(RingPath) + 4 + 2 + 4;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U64(TakeId);
        w.String(RingPath, ProtocolLimits.MaxPathBytes, "ring path");
        w.U32(CapacityFrames);
        w.U16(Channels);
        w.U32(SampleRate);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out RingAttachedMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new RingAttachedMessage(r.U64("take id"), r.String(ProtocolLimits.MaxPathBytes, "ring path"),
            r.U32("capacity frames"), r.U16("channels"), r.U32("sample rate"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        string.IsNullOrEmpty(RingPath) ? "ring path is empty"
        : !Checks.IsPowerOfTwo(CapacityFrames) ? $"capacity {CapacityFrames} is not a power of two"
        : Channels is 0 or > ProtocolLimits.MaxChannels ? $"channels {Channels} is outside 1..{ProtocolLimits.MaxChannels}"
        : !Checks.IsRate(SampleRate) ? $"sample rate {SampleRate} is outside 1..{Checks.MaxSampleRate}"
        : null;
}
