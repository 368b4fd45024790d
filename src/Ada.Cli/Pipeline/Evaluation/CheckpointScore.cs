namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Held-out scores of one checkpoint: NLL (bits/sample), code usage (ADA levels) and, for the newest one, a reconstruction.</summary>
public sealed record CheckpointScore(
    long Step,
    double TrainingSeconds,
    double NllBits,
    double? PerplexityRatio = null,
    double? FractionUsed = null,
    ReconstructionScore? Reconstruction = null);
