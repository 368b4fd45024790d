namespace Ada.Protocol;

/// <summary>Why a frame could not be parsed, sent or received.</summary>
public enum ProtocolErrorCode : ushort
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The bytes end before the frame or a field does.</summary>
    Truncated = 1,
    /// <summary>The payload has bytes left after its last field.</summary>
    TrailingBytes = 2,
    /// <summary>The frame does not start with the 'ADAP' magic.</summary>
    BadMagic = 3,
    /// <summary>The frame's protocol version is outside the supported range.</summary>
    UnsupportedVersion = 4,
    /// <summary>The message type is not one this library knows.</summary>
    UnknownMessageType = 5,
    /// <summary>The declared payload length exceeds <see cref="ProtocolLimits.MaxPayloadSize"/>.</summary>
    PayloadTooLarge = 6,
    /// <summary>A string's declared length exceeds that field's maximum.</summary>
    StringTooLong = 7,
    /// <summary>A string's bytes are not valid UTF-8.</summary>
    InvalidUtf8 = 8,
    /// <summary>A field holds a value outside its allowed range.</summary>
    InvalidValue = 9,
    /// <summary>The frame holds a different message type than the one asked for.</summary>
    TypeMismatch = 10,
    /// <summary>The peer closed the connection.</summary>
    ConnectionClosed = 11,
    /// <summary>No complete frame (or connection) arrived within the timeout.</summary>
    Timeout = 12,
    /// <summary>The operating system reported a socket failure.</summary>
    SocketError = 13,
    /// <summary>The stream had an earlier framing error and cannot be resynchronised.</summary>
    StreamFaulted = 14,
    /// <summary>The peer answered a request with an <c>Error</c> message.</summary>
    PeerError = 15,
}
