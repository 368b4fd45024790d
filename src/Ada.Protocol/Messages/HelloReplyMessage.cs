using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Service → client: the version both will use from now on, and what the service runs.</summary>
/// <param name="Version">The chosen protocol version (see <see cref="ProtocolVersion.TryChoose"/>).</param>
/// <param name="ServiceVersion">The service build, e.g. "0.3.0+abc123".</param>
/// <param name="Device">The compute device, e.g. "cpu (AVX-512)" or "cuda:0 (H100)".</param>
public readonly record struct HelloReplyMessage(ushort Version, string ServiceVersion, string Device)
    : IProtocolMessage<HelloReplyMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.HelloReply;

    /// <inheritdoc />
    public int GetPayloadSize() => 2 + WireSize.String(ServiceVersion) + WireSize.String(Device);

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U16(Version);
        w.String(ServiceVersion, ProtocolLimits.MaxNameBytes, "service version");
        w.String(Device, ProtocolLimits.MaxNameBytes, "device");
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out HelloReplyMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new HelloReplyMessage(r.U16("version"), r.String(ProtocolLimits.MaxNameBytes, "service version"),
            r.String(ProtocolLimits.MaxNameBytes, "device"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        Version == 0 ? "version 0 does not exist"
        : ServiceVersion is null ? "service version is null"
        : Device is null ? "device is null"
        : null;
}
