namespace Ada.Protocol.Messages;

/// <summary>What kind of program opened the connection.</summary>
public enum ClientKind : ushort
{
    /// <summary>The VST3 plugin inside a DAW.</summary>
    Plugin = 1,
    /// <summary>The <c>ada</c> command line.</summary>
    Cli = 2,
    /// <summary>A test harness.</summary>
    Test = 3,
}
