using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Either way: orderly close; the sender closes the socket after it. Empty payload.</summary>
public readonly record struct GoodbyeMessage : IProtocolMessage<GoodbyeMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Goodbye;

    /// <inheritdoc />
    public int GetPayloadSize() => 0;

    /// <inheritdoc />
    public int Write(Span<byte> payload) => 0;

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out GoodbyeMessage message, out ProtocolError error) =>
        new WireReader(payload, Type).Finish(new GoodbyeMessage(), null, out message, out error);
}
