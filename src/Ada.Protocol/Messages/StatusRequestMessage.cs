using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: ask for a <see cref="StatusMessage"/>. Empty payload.</summary>
public readonly record struct StatusRequestMessage : IProtocolMessage<StatusRequestMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.StatusRequest;

    /// <inheritdoc />
    public int GetPayloadSize() => 0;

    /// <inheritdoc />
    public int Write(Span<byte> payload) => 0;

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out StatusRequestMessage message, out ProtocolError error) =>
        new WireReader(payload, Type).Finish(new StatusRequestMessage(), null, out message, out error);
}
