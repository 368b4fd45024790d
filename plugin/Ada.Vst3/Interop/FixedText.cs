using System.Text;

namespace Ada.Vst3.Interop;

/// <summary>Reads and writes the fixed-size, NUL-terminated strings of VST3 structs (char8 = UTF-8, char16 = UTF-16).</summary>
public static class FixedText
{
    /// <summary>Writes UTF-8 into <paramref name="destination"/>, truncated at a character boundary so a terminator always fits.</summary>
    public static void WriteUtf8(Span<byte> destination, string text)
    {
        destination.Clear();
        var room = destination.Length - 1;
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (used + size > room)
            {
                break;
            }
            used += rune.EncodeToUtf8(destination[used..]);
        }
    }

    /// <summary>Reads UTF-8 up to the first NUL (or the end of the field).</summary>
    public static string ReadUtf8(ReadOnlySpan<byte> source)
    {
        var end = source.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? source : source[..end]);
    }

    /// <summary>Writes UTF-16 into <paramref name="destination"/>, truncated so a terminator always fits.</summary>
    public static void WriteUtf16(Span<char> destination, ReadOnlySpan<char> text)
    {
        destination.Clear();
        var count = Math.Min(text.Length, destination.Length - 1);
        if (count > 0 && char.IsHighSurrogate(text[count - 1]))
        {
            count--;
        }
        text[..count].CopyTo(destination);
    }

    /// <summary>Reads UTF-16 up to the first NUL (or the end of the field).</summary>
    public static string ReadUtf16(ReadOnlySpan<char> source)
    {
        var end = source.IndexOf('\0');
        return new string(end < 0 ? source : source[..end]);
    }

    /// <summary>The NUL-terminated UTF-16 string at <paramref name="text"/>, reading at most <paramref name="maxLength"/> code units.</summary>
    public static unsafe ReadOnlySpan<char> FromTerminated(char* text, int maxLength)
    {
        // Scan one unit at a time: the host's buffer may be shorter than maxLength.
        var length = 0;
        while (length < maxLength && text[length] != '\0')
        {
            length++;
        }
        return new ReadOnlySpan<char>(text, length);
    }
}
