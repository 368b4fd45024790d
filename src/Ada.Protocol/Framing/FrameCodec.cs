namespace Ada.Protocol.Framing;

/// <summary>Encodes messages into frames and parses a buffer that holds exactly one frame.</summary>
public static class FrameCodec
{
    /// <summary>Header plus payload size of <paramref name="message"/>'s frame in protocol <paramref name="version"/>.</summary>
    public static int GetFrameSize<T>(in T message, ushort version = ProtocolVersion.Current) where T : struct, IProtocolMessage<T> =>
        ProtocolLimits.HeaderSize + T.GetPayloadSize(message, version);

    /// <summary>
    /// Writes a whole frame of protocol <paramref name="version"/> (the payload in that version's layout) into
    /// <paramref name="destination"/>; throws when the message is invalid, too large or uses fields that version lacks.
    /// </summary>
    /// <returns>Bytes written.</returns>
    public static int Encode<T>(in T message, uint requestId, Span<byte> destination, ushort version = ProtocolVersion.Current)
        where T : struct, IProtocolMessage<T>
    {
        if (!ProtocolVersion.IsSupported(version))
            throw new ArgumentException($"protocol version {version} is outside {ProtocolVersion.Min}..{ProtocolVersion.Current}, the versions this build speaks.", nameof(version));
        int payloadSize = T.GetPayloadSize(message, version);
        if (payloadSize > ProtocolLimits.MaxPayloadSize)
            throw new ArgumentException($"{T.Type} payload is {payloadSize} bytes, the maximum is {ProtocolLimits.MaxPayloadSize}.", nameof(message));
        if (destination.Length < ProtocolLimits.HeaderSize + payloadSize)
            throw new ArgumentException($"{T.Type} frame needs {ProtocolLimits.HeaderSize + payloadSize} bytes, the buffer has {destination.Length}.", nameof(destination));
        int written = T.Write(message, destination.Slice(ProtocolLimits.HeaderSize, payloadSize), version);
        new FrameHeader(version, T.Type, (uint)written, requestId).Write(destination);
        return ProtocolLimits.HeaderSize + written;
    }

    /// <summary>A new array holding the whole frame of <paramref name="message"/>.</summary>
    public static byte[] Encode<T>(in T message, uint requestId, ushort version = ProtocolVersion.Current)
        where T : struct, IProtocolMessage<T>
    {
        var bytes = new byte[GetFrameSize(message, version)];
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
