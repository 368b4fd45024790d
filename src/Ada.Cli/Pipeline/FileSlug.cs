namespace Ada.Cli.Pipeline;

/// <summary>File-name-safe form of a display name ("Piano Sketch" → "piano-sketch"), shared by every file the CLI names after a preset or model.</summary>
public static class FileSlug
{
    /// <summary>Lower case; every character that is not a letter or digit becomes '-'; no leading or trailing '-'.</summary>
    public static string Of(string name) => new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
