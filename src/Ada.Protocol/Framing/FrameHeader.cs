using System.Buffers.Binary;

namespace Ada.Protocol.Framing;

/// <summary>
/// The 16-byte little-endian frame header: magic u32 ('ADAP'), version u16, type u16, payload length u32,
/// request id u32. Its layout is the same in every protocol version.
/// </summary>
/// <param name="Version">Protocol version the frame is written in.</param>
/// <param name="Type">The message in the payload.</param>
/// <param name="PayloadLength">Payload bytes after the header.</param>
/// <param name="RequestId">Chosen by the requester; a reply (or Error) carries the id of the request it answers; 0 for unsolicited frames.</param>
public readonly record struct FrameHeader(ushort Version, MessageType Type, uint PayloadLength, uint RequestId)
{
    /// <summary>The bytes 'A','D','A','P' read as a little-endian u32.</summary>
    public const uint Magic = 0x5041_4441;

    /// <summary>Writes the header into the first <see cref="ProtocolLimits.HeaderSize"/> bytes.</summary>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < ProtocolLimits.HeaderSize)
            throw new ArgumentException($"A frame header needs {ProtocolLimits.HeaderSize} bytes, the buffer has {destination.Length}.", nameof(destination));
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], (ushort)Type);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], PayloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], RequestId);
    }

    /// <summary>
    /// Parses and validates a header (magic, supported version, known type, payload length within
    /// <paramref name="maxPayload"/>); never throws.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out FrameHeader header, out ProtocolError error,
        int maxPayload = ProtocolLimits.MaxPayloadSize)
    {
        header = default;
        if (source.Length < ProtocolLimits.HeaderSize)
            return ProtocolError.Fail(ProtocolErrorCode.Truncated, $"frame header needs {ProtocolLimits.HeaderSize} bytes, got {source.Length}", out error);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source);
        if (magic != Magic)
            return ProtocolError.Fail(ProtocolErrorCode.BadMagic, $"frame magic is 0x{magic:x8}, expected 0x{Magic:x8} ('ADAP')", out error);
        var parsed = new FrameHeader(
            BinaryPrimitives.ReadUInt16LittleEndian(source[4..]),
            (MessageType)BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[12..]));
        if (!ProtocolVersion.IsSupported(parsed.Version))
            return ProtocolError.Fail(ProtocolErrorCode.UnsupportedVersion,
                $"frame version {parsed.Version} is outside the supported {ProtocolVersion.Min}..{ProtocolVersion.Current}", out error);
        if (!MessageTypes.IsKnown(parsed.Type))
            return ProtocolError.Fail(ProtocolErrorCode.UnknownMessageType, $"message type {(ushort)parsed.Type} is unknown", out error);
        if (parsed.PayloadLength > (uint)maxPayload)
            return ProtocolError.Fail(ProtocolErrorCode.PayloadTooLarge,
                $"{parsed.Type} payload declares {parsed.PayloadLength} bytes, the maximum is {maxPayload}", out error);
        header = parsed;
        error = ProtocolError.None;
        return true;
    }
}
