namespace Ada.Models;

/// <summary>What one training step reports to the progress display and the CSV log.</summary>
/// <param name="Terms">Every loss term by name ("nll" in bits/sample, "diversity", "codebook", "commitment"), unweighted.</param>
/// <param name="Usage">Code usage of this batch (ADA kinds only).</param>
/// <param name="SamplesPerSecond">Signal samples trained per second, averaged over this session.</param>
/// <param name="HeldOutNllBits">Decoder NLL on the fixed held-out batches, on the steps where it was evaluated (training.evalInterval).</param>
public sealed record TrainMetrics(
    long Step,
    long TotalSteps,
    double Loss,
    IReadOnlyDictionary<string, double> Terms,
    double GradNorm,
    CodeUsage? Usage,
    double SamplesPerSecond,
    TimeSpan Elapsed,
    double? HeldOutNllBits = null)
{
    /// <summary>Decoder NLL in bits per sample.</summary>
    public double NllBits => Terms["nll"];
}
