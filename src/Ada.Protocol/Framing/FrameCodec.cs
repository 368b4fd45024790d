namespace Ada.Protocol.Framing;

/// <summary>Encodes messages into frames and parses a buffer that holds exactly one frame.</summary>
public static class FrameCodec
{
    /// <summary>Header plus payload size of <paramref name="message"/>'s frame.</summary>
    public static int GetFrameSize<T>(in T message) where T : struct, IProtocolMessage<T> =>
        ProtocolLimits.HeaderSize + message.GetPayloadSize();

    /// <summary>Writes a whole frame into <paramref name="destination"/>; throws when the message is invalid or too large.</summary>
    /// <returns>Bytes written.</returns>
    public static int Encode<T>(in T message, uint requestId, Span<byte> destination, ushort version = ProtocolVersion.Current)
        where T : struct, IProtocolMessage<T>
    {
        int payloadSize = message.GetPayloadSize();
        if (payloadSize > ProtocolLimits.MaxPayloadSize)
            throw new ArgumentException($"{T.Type} payload is {payloadSize} bytes, the maximum is {ProtocolLimits.MaxPayloadSize}.", nameof(message));
        if (destination.Length < ProtocolLimits.HeaderSize + payloadSize)
            throw new ArgumentException($"{T.Type} frame needs {ProtocolLimits.HeaderSize + payloadSize} bytes, the buffer has {destination.Length}.", nameof(destination));
        int written = message.Write(destination.Slice(ProtocolLimits.HeaderSize, payloadSize));
        new FrameHeader(version, T.Type, (uint)written, requestId).Write(destination);
        return ProtocolLimits.HeaderSize + written;
    }

    /// <summary>A new array holding the whole frame of <paramref name="message"/>.</summary>
    public static byte[] Encode<T>(in T message, uint requestId, ushort version = ProtocolVersion.Current)
        where T : struct, IProtocolMessage<T>
    {
        var bytes = new byte[GetFrameSize(message)];
        Encode(message, requestId, bytes, version);
        return bytes;
    }

    /// <summary>Parses a buffer holding exactly one frame (header validated, payload copied); never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Frame frame, out ProtocolError error)
    {
        frame = default;
        if (!FrameHeader.TryRead(bytes, out var header, out error)) return false;
        long expected = ProtocolLimits.HeaderSize + (long)header.PayloadLength;
        if (bytes.Length != expected)
        {
            error = bytes.Length < expected
                ? new ProtocolError(ProtocolErrorCode.Truncated, $"{header.Type} frame is {bytes.Length} bytes, the header says {expected}")
                : new ProtocolError(ProtocolErrorCode.TrailingBytes, $"{header.Type} frame is {bytes.Length} bytes, the header says {expected}");
            return false;
        }
        frame = new Frame(header, bytes[ProtocolLimits.HeaderSize..].ToArray());
        return true;
    }
}
