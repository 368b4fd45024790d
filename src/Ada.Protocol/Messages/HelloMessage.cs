using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service, first frame: which protocol versions the client speaks and who it is.</summary>
/// <param name="MinVersion">Oldest protocol version the client speaks.</param>
/// <param name="MaxVersion">Newest protocol version the client speaks.</param>
/// <param name="ClientKind">Plugin, CLI or test.</param>
/// <param name="ClientName">Human-readable name (host and plugin name), for logs.</param>
/// <param name="ProcessId">The client's process id, so the service can reap state of a dead client.</param>
/// <param name="HostSampleRate">Host sample rate in Hz, 0 when not known yet.</param>
/// <param name="MaxBlockSize">Largest host block in frames, 0 when not known yet.</param>
public readonly record struct HelloMessage(
    ushort MinVersion, ushort MaxVersion, ClientKind ClientKind, string ClientName,
    int ProcessId, double HostSampleRate, int MaxBlockSize) : IProtocolMessage<HelloMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Hello;

    /// <inheritdoc />
    public int GetPayloadSize() => 2 + 2 + 2 + WireSize.String(ClientName) + 4 + 8 + 4;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U16(MinVersion);
        w.U16(MaxVersion);
        w.U16((ushort)ClientKind);
        w.String(ClientName, ProtocolLimits.MaxNameBytes, "client name");
        w.I32(ProcessId);
        w.F64(HostSampleRate);
        w.I32(MaxBlockSize);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out HelloMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new HelloMessage(r.U16("min version"), r.U16("max version"), (ClientKind)r.U16("client kind"),
            r.String(ProtocolLimits.MaxNameBytes, "client name"), r.I32("process id"), r.F64("host sample rate"),
            r.I32("max block size"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        MinVersion == 0 || MinVersion > MaxVersion ? $"version range {MinVersion}..{MaxVersion} is empty or starts at 0"
        : ClientKind is < ClientKind.Plugin or > ClientKind.Test ? $"client kind {(ushort)ClientKind} is unknown"
        : ClientName is null ? "client name is null"
        : ProcessId < 0 ? $"process id {ProcessId} is negative"
        : !Checks.IsRateOrUnknown(HostSampleRate) ? $"host sample rate {HostSampleRate} is not 0 or a rate in (0, {Checks.MaxSampleRate}]"
        : MaxBlockSize is < 0 or > Checks.MaxBlockSize ? $"max block size {MaxBlockSize} is outside 0..{Checks.MaxBlockSize}"
        : null;
}
