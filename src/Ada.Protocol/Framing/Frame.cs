namespace Ada.Protocol.Framing;

/// <summary>A received frame: a validated header and its payload bytes (owned by the frame).</summary>
public readonly struct Frame
{
    /// <summary>Wraps a header and its payload; the payload length must match the header.</summary>
    public Frame(FrameHeader header, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length != header.PayloadLength)
            throw new ArgumentException($"{header.Type} payload is {payload.Length} bytes, the header says {header.PayloadLength}.", nameof(payload));
        Header = header;
        Payload = payload;
    }

    /// <summary>The frame header.</summary>
    public FrameHeader Header { get; }

    /// <summary>The payload bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The message type (shortcut for <c>Header.Type</c>).</summary>
    public MessageType Type => Header.Type;

    /// <summary>The request id (shortcut for <c>Header.RequestId</c>).</summary>
    public uint RequestId => Header.RequestId;

    /// <summary>
    /// Decodes the payload as <typeparamref name="T"/> in the layout of the header's version; fails (never throws) on a type
    /// mismatch or malformed payload.
    /// </summary>
    public bool TryDecode<T>(out T message, out ProtocolError error) where T : struct, IProtocolMessage<T>
    {
        if (Header.Type != T.Type)
        {
            message = default;
            error = new ProtocolError(ProtocolErrorCode.TypeMismatch, $"frame holds {Header.Type}, not {T.Type}");
            return false;
        }
        return T.TryRead(Payload.Span, Header.Version, out message, out error);
    }
}
