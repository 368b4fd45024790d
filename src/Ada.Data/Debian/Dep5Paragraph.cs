namespace Ada.Data;

/// <summary>One paragraph of a machine-readable Debian copyright file: fields with continuation lines.</summary>
internal sealed class Dep5Paragraph
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The License field split into its short name (first line) and its text (continuation lines).</summary>
    public (string Name, string Body)? License =>
        Value("License") is { } value ? (value.Split('\n')[0].Trim(), string.Join('\n', value.Split('\n').Skip(1)).Trim()) : null;

    /// <summary>A field's value (first line and continuation lines joined by newlines), or null.</summary>
    public string? Value(string field) => _fields.GetValueOrDefault(field);

    /// <summary>Splits a copyright file into paragraphs at blank lines.</summary>
    public static IReadOnlyList<Dep5Paragraph> Parse(string text)
    {
        var paragraphs = new List<Dep5Paragraph>();
        var current = new Dep5Paragraph();
        string? field = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                if (current._fields.Count > 0)
                    paragraphs.Add(current);
                current = new Dep5Paragraph();
                field = null;
            }
            else if (char.IsWhiteSpace(line[0]) && field is not null)
            {
                current._fields[field] += "\n" + line.Trim();
            }
            else if (line.IndexOf(':') is var colon and > 0)
            {
                field = line[..colon].Trim();
                current._fields[field] = line[(colon + 1)..].Trim();
            }
        }
        if (current._fields.Count > 0)
            paragraphs.Add(current);
        return paragraphs;
    }
}
