namespace Ada.Protocol;

/// <summary>A control-channel message: a fixed type, an exact encoded size, a writer and a parser that never throws.</summary>
/// <typeparam name="TSelf">The message struct itself.</typeparam>
public interface IProtocolMessage<TSelf> where TSelf : struct, IProtocolMessage<TSelf>
{
    /// <summary>The frame-header type of this message.</summary>
    static abstract MessageType Type { get; }

    /// <summary>Exact number of payload bytes <see cref="Write"/> produces.</summary>
    int GetPayloadSize();

    /// <summary>Encodes the payload; throws <see cref="ArgumentException"/> when a field is invalid or the buffer is too small.</summary>
    /// <returns>Bytes written.</returns>
    int Write(Span<byte> payload);

    /// <summary>Parses a whole payload; any malformed input yields false and <paramref name="error"/>, never an exception.</summary>
    static abstract bool TryRead(ReadOnlySpan<byte> payload, out TSelf message, out ProtocolError error);
}
