namespace Ada.Models;

/// <summary>Outcome of <see cref="Trainer.Run"/>, also written as summary.json in the checkpoint folder.</summary>
public sealed record TrainSummary(
    string Name,
    string Kind,
    long Step,
    long TargetSteps,
    bool Completed,
    TrainMetrics? Last,
    double MeanSamplesPerSecond,
    double ElapsedSeconds,
    string? Checkpoint,
    string? ContentHash,
    string? ResumedFrom,
    HeldOutPoint? LastHeldOut = null);

/// <summary>One held-out evaluation: the step and the decoder NLL in bits per sample on the fixed held-out batches.</summary>
public sealed record HeldOutPoint(long Step, double NllBits);
