using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Either way: the request with this frame's request id failed.</summary>
/// <param name="Code">Why.</param>
/// <param name="Message">Details for the user or the log.</param>
public readonly record struct ErrorMessage(ErrorCode Code, string Message) : IProtocolMessage<ErrorMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Error;

    /// <inheritdoc />
    public int GetPayloadSize() => 2 + WireSize.String(Message);

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U16((ushort)Code);
        w.String(Message, ProtocolLimits.MaxMessageBytes, "message");
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out ErrorMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new ErrorMessage((ErrorCode)r.U16("code"), r.String(ProtocolLimits.MaxMessageBytes, "message"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        Code is < ErrorCode.BadRequest or > ErrorCode.Internal ? $"error code {(ushort)Code} is unknown"
        : Message is null ? "message is null"
        : null;
}
