using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: stop streaming (the rings keep their frames). Empty payload.</summary>
public readonly record struct StopMessage : IProtocolMessage<StopMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Stop;

    /// <inheritdoc />
    public int GetPayloadSize() => 0;

    /// <inheritdoc />
    public int Write(Span<byte> payload) => 0;

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out StopMessage message, out ProtocolError error) =>
        new WireReader(payload, Type).Finish(new StopMessage(), null, out message, out error);
}
