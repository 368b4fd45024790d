namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Result of `ada eval longrange`: settings, machine, the command line that wrote it and one <see cref="SourceStats"/> per model and for the real pieces.</summary>
public sealed record LongRangeEvaluation(
    double Seconds,
    double SegmentSeconds,
    int Seed,
    float Temperature,
    string? RealDataset,
    double? RealHours,
    string Machine,
    IReadOnlyList<SourceStats> Sources,
    string? Command = null);
