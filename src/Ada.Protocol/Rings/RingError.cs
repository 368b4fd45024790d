namespace Ada.Protocol.Rings;

/// <summary>A ring failure: a code plus a description naming the file and the field.</summary>
/// <param name="Code">What kind of failure.</param>
/// <param name="Message">Which file and field, and what was wrong.</param>
public readonly record struct RingError(RingErrorCode Code, string Message)
{
    /// <summary>The value that means "no error".</summary>
    public static RingError None => new(RingErrorCode.None, "");

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";

    /// <summary>Sets <paramref name="error"/> and returns false, for one-line failure returns in Try methods.</summary>
    internal static bool Fail(RingErrorCode code, string message, out RingError error)
    {
        error = new RingError(code, message);
        return false;
    }
}
