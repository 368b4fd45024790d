namespace Ada.Protocol;

/// <summary>Facts about <see cref="MessageType"/> values without reflection (NativeAOT-safe).</summary>
public static class MessageTypes
{
    /// <summary>The highest defined message type.</summary>
    public const MessageType Last = MessageType.Goodbye;

    /// <summary>True for a type this build can decode.</summary>
    public static bool IsKnown(MessageType type) => type is >= MessageType.Hello and <= Last;
}
