using System.Text;

namespace Ada.Service.Sessions;

/// <summary>Fits text into a protocol string field (whose writer throws on over-long text) without splitting a character.</summary>
internal static class ProtocolText
{
    /// <summary><paramref name="text"/> cut to at most <paramref name="maxBytes"/> UTF-8 bytes, ending in "…" when cut.</summary>
    public static string Fit(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var builder = new StringBuilder();
        int bytes = 3; // The ellipsis.
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) break;
            builder.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }
        return builder.Append('…').ToString();
    }
}
