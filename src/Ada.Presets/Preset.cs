namespace Ada.Presets;

/// <summary>A generation preset (presets/*.json); see presets/preset.schema.json for every field.</summary>
public sealed record Preset
{
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>What it sounds like and how its model was trained.</summary>
    public required string Description { get; init; }
    /// <summary>The model it renders with.</summary>
    public required ModelReference Model { get; init; }
    /// <summary>Temperatures, seed and variation.</summary>
    public required SamplingSettings Sampling { get; init; }
    /// <summary>Default render length.</summary>
    public LengthSettings Length { get; init; } = new();
    /// <summary>Default output format.</summary>
    public OutputSettings Output { get; init; } = new();
    /// <summary>The file it was loaded from (absolute), for resolving relative paths.</summary>
    [Newtonsoft.Json.JsonIgnore] public string SourcePath { get; init; } = "";

    /// <summary>Absolute path of the model manifest.</summary>
    public string ModelPath => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourcePath) ?? ".", Model.Path));
}

/// <summary>Which model a preset uses and the content hash it expects.</summary>
/// <param name="Path">Model manifest, relative to the preset file.</param>
/// <param name="Hash">Expected SHA-256 content hash (lower-case hex), or null to accept any.</param>
public sealed record ModelReference(string Path, string? Hash = null);

/// <summary>Sampling settings: one temperature per level (top first), the seed and the variation.</summary>
public sealed record SamplingSettings(float[] Temperatures, ulong Seed = 1, int Variation = 0);

/// <summary>Default render length.</summary>
public sealed record LengthSettings(double Seconds = 20, double Tempo = 120, int BeatsPerBar = 4)
{
    /// <summary>Seconds that <paramref name="bars"/> bars last at <paramref name="tempo"/> (or the preset's tempo).</summary>
    public double SecondsForBars(double bars, double? tempo = null) => bars * BeatsPerBar * 60.0 / (tempo ?? Tempo);
}

/// <summary>Default output format.</summary>
public sealed record OutputSettings(int SampleRate = 44100, SampleFormat Format = SampleFormat.Pcm24);

/// <summary>WAV sample formats a render can write.</summary>
public enum SampleFormat
{
    /// <summary>16-bit integer PCM.</summary>
    Pcm16,
    /// <summary>24-bit integer PCM.</summary>
    Pcm24,
    /// <summary>32-bit IEEE float.</summary>
    Float32,
}
