using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Either way: liveness ping; a peer silent for longer than its timeout is treated as gone.</summary>
/// <param name="Sequence">Sender's counter, incremented per heartbeat (lets a peer log gaps).</param>
public readonly record struct HeartbeatMessage(ulong Sequence) : IProtocolMessage<HeartbeatMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Heartbeat;

    /// <inheritdoc />
    public int GetPayloadSize() => 8;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, null);
        w.U64(Sequence);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out HeartbeatMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new HeartbeatMessage(r.U64("sequence"));
        return r.Finish(m, null, out message, out error);
    }
}
