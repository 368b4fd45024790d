namespace Ada.Presets;

/// <summary>A preset that cannot be used; <see cref="Problems"/> lists every bad field as "path: problem".</summary>
public sealed class PresetException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> with one or more problems.</summary>
    public PresetException(string file, IReadOnlyList<string> problems)
        : base($"preset {file}: " + string.Join("; ", problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>The preset file.</summary>
    public string File { get; }

    /// <summary>Each problem as "json.path: what is wrong".</summary>
    public IReadOnlyList<string> Problems { get; }
}
