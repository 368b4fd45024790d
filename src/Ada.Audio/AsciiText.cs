namespace Ada.Audio;

/// <summary>Shows magic numbers and chunk ids from untrusted files safely in error messages.</summary>
internal static class AsciiText
{
    /// <summary>The bytes as ASCII, with anything unprintable replaced by '?'.</summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = bytes.Length <= 64 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            text[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        return new string(text);
    }
}
