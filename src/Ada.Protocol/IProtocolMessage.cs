namespace Ada.Protocol;

/// <summary>A control-channel message: a fixed type, an exact encoded size, a writer and a parser that never throws.</summary>
/// <typeparam name="TSelf">The message struct itself.</typeparam>
/// <remarks>
/// The instance <see cref="GetPayloadSize()"/> / <see cref="Write(Span{byte})"/> and the static <see cref="TryRead(ReadOnlySpan{byte}, out TSelf, out ProtocolError)"/>
/// use the layout of <see cref="ProtocolVersion.Current"/>. Frames go through the versioned static members, which a message
/// overrides only once its layout differs between versions (new fields are added only under a new version).
/// </remarks>
public interface IProtocolMessage<TSelf> where TSelf : struct, IProtocolMessage<TSelf>
{
    /// <summary>The frame-header type of this message.</summary>
    static abstract MessageType Type { get; }

    /// <summary>Exact number of payload bytes <see cref="Write(Span{byte})"/> produces.</summary>
    int GetPayloadSize();

    /// <summary>Encodes the payload; throws <see cref="ArgumentException"/> when a field is invalid or the buffer is too small.</summary>
    /// <returns>Bytes written.</returns>
    int Write(Span<byte> payload);

    /// <summary>Parses a whole payload; any malformed input yields false and <paramref name="error"/>, never an exception.</summary>
    static abstract bool TryRead(ReadOnlySpan<byte> payload, out TSelf message, out ProtocolError error);

    /// <summary>Exact payload bytes of <paramref name="message"/> in a frame of protocol <paramref name="version"/>.</summary>
    static virtual int GetPayloadSize(in TSelf message, ushort version) => message.GetPayloadSize();

    /// <summary>
    /// Encodes <paramref name="message"/> in the layout of protocol <paramref name="version"/>; throws <see cref="ArgumentException"/>
    /// when it sets a field that version does not have.
    /// </summary>
    /// <returns>Bytes written.</returns>
    static virtual int Write(in TSelf message, Span<byte> payload, ushort version) => message.Write(payload);

    /// <summary>Parses a payload of a frame stamped with <paramref name="version"/>; never throws.</summary>
    static virtual bool TryRead(ReadOnlySpan<byte> payload, ushort version, out TSelf message, out ProtocolError error) =>
        TSelf.TryRead(payload, out message, out error);
}
