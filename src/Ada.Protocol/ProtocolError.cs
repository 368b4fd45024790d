namespace Ada.Protocol;

/// <summary>A protocol failure: a machine-readable code plus a short human-readable description.</summary>
/// <param name="Code">What kind of failure.</param>
/// <param name="Message">Which field or frame and what was wrong with it.</param>
public readonly record struct ProtocolError(ProtocolErrorCode Code, string Message)
{
    /// <summary>The value that means "no error".</summary>
    public static ProtocolError None => new(ProtocolErrorCode.None, "");

    /// <summary>True when this is a real failure.</summary>
    public bool IsError => Code != ProtocolErrorCode.None;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";

    /// <summary>Sets <paramref name="error"/> and returns false, for one-line failure returns in Try methods.</summary>
    internal static bool Fail(ProtocolErrorCode code, string message, out ProtocolError error)
    {
        error = new ProtocolError(code, message);
        return false;
    }
}
