using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: start streaming the armed takes from the current position. Empty payload.</summary>
public readonly record struct StartMessage : IProtocolMessage<StartMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Start;

    /// <inheritdoc />
    public int GetPayloadSize() => 0;

    /// <inheritdoc />
    public int Write(Span<byte> payload) => 0;

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out StartMessage message, out ProtocolError error) =>
        new WireReader(payload, Type).Finish(new StartMessage(), null, out message, out error);
}
