using Ada.Protocol;
using Ada.Protocol.Messages;

namespace Ada.Service.Sessions;

internal sealed partial class Session
{
    /// <summary>Hello: picks the highest common protocol version and answers HelloReply (stamped with it).</summary>
    public void OnHello(in HelloMessage hello, uint requestId)
    {
        if (SaidHello) throw new RequestException(ErrorCode.BadRequest, "Hello: the handshake is already done");
        if (!ProtocolVersion.TryChoose(hello.MinVersion, hello.MaxVersion, out ushort version))
            throw new RequestException(ErrorCode.UnsupportedVersion,
                $"Hello: the client speaks protocol {hello.MinVersion}..{hello.MaxVersion}, the service {ProtocolVersion.Min}..{ProtocolVersion.Current}");
        _hello = hello;
        _hostRate = hello.HostSampleRate;
        _socket.Version = version;
        Send(new HelloReplyMessage(version, ProtocolText.Fit(ServiceInfo.Version, ProtocolLimits.MaxNameBytes),
            ProtocolText.Fit(_ctx.Models.Device, ProtocolLimits.MaxNameBytes)), requestId);
        _ctx.Log($"{Name} connected (protocol {version}, {hello.ClientKind}, host rate {hello.HostSampleRate} Hz)");
    }

    /// <summary>Goodbye: answered with Goodbye, then the connection closes (and the rings go).</summary>
    public void OnGoodbye(uint requestId)
    {
        Send(new GoodbyeMessage(), requestId);
        IsClosing = true;
    }

    /// <summary>StatusRequest: buffer depth (smallest over the rings), underruns (summed), device, last error, loaded checkpoint.</summary>
    public void OnStatusRequest(uint requestId) => Send(Status(), requestId);

    private StatusMessage Status()
    {
        var health = _rings.Values.Select(f => f.Health()).ToArray();
        long depth = health.Length == 0 ? 0 : health.Min(h => h.Buffered);
        ulong underruns = health.Aggregate(0UL, (sum, h) => sum + h.Underruns);
        string error = _rings.Values.Select(f => f.Take.Error).FirstOrDefault(e => e is not null) ?? _lastError;
        // A protocol 2 client reads the Status layout without the hash.
        var checkpoint = _preset is null || _socket.Version < ProtocolVersion.StatusCheckpoint ? ContentHash.None : CheckpointOf(_preset);
        return new StatusMessage(_preset is not null || _rings.Count > 0, ProtocolText.Fit(_ctx.Models.Device, ProtocolLimits.MaxNameBytes),
            depth, underruns, ProtocolText.Fit(error, ProtocolLimits.MaxMessageBytes), checkpoint);
    }
}
