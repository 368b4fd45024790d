namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Long-range statistics of one source of clips (a model bundle or real pieces).</summary>
/// <param name="Kind">"model" or "real".</param>
/// <param name="Source">The model.json or the real pieces' manifest, as <see cref="ResultPaths"/> records it.</param>
/// <param name="Levels">Training budget per level, top first (empty for real pieces).</param>
/// <param name="RealTimeFactor">Audio seconds per wall second, one stream on one core (models only).</param>
/// <param name="ChanceCorrelation">Mean chroma correlation of one clip's first segment with another clip's last segment, over all pairs: the level two unrelated segments of this source reach.</param>
/// <param name="Spectrogram">PNG of clip 0.</param>
/// <param name="Audio">WAV excerpt of clip 0 (models only).</param>
public sealed record SourceStats(
    string Name,
    string Kind,
    string Source,
    IReadOnlyList<LevelTraining> Levels,
    double? RealTimeFactor,
    IReadOnlyList<ClipStats> Clips,
    double ChanceCorrelation,
    string? Spectrogram,
    string? Audio);
