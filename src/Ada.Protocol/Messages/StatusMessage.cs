using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Service → client, reply to <see cref="StatusRequestMessage"/>: health and buffering.</summary>
/// <param name="Connected">True when the service has a compute device and a loaded model for this client.</param>
/// <param name="Device">The compute device, e.g. "cpu (AVX-512)".</param>
/// <param name="BufferDepthFrames">Frames rendered ahead in this client's rings (the smallest over its armed takes).</param>
/// <param name="Underruns">Underruns the client's rings reported so far.</param>
/// <param name="LastError">The last error the service hit for this client, or empty.</param>
public readonly record struct StatusMessage(bool Connected, string Device, long BufferDepthFrames, ulong Underruns, string LastError)
    : IProtocolMessage<StatusMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Status;

    /// <inheritdoc />
    public int GetPayloadSize() => 1 + WireSize.String(Device) + 8 + 8 + WireSize.String(LastError);

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.Bool(Connected);
        w.String(Device, ProtocolLimits.MaxNameBytes, "device");
        w.I64(BufferDepthFrames);
        w.U64(Underruns);
        w.String(LastError, ProtocolLimits.MaxMessageBytes, "last error");
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out StatusMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new StatusMessage(r.Bool("connected"), r.String(ProtocolLimits.MaxNameBytes, "device"),
            r.I64("buffer depth frames"), r.U64("underruns"), r.String(ProtocolLimits.MaxMessageBytes, "last error"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        Device is null ? "device is null"
        : BufferDepthFrames < 0 ? $"buffer depth {BufferDepthFrames} is negative"
        : LastError is null ? "last error is null"
        : null;
}
