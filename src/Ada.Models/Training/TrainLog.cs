namespace Ada.Models;

/// <summary>CSV log of a run (train.csv): one row per logged step; on resume, rows after the checkpoint's step are dropped.</summary>
public sealed class TrainLog
{
    readonly StepCsv csv;
    readonly IReadOnlyList<string> terms;

    /// <summary>Opens or creates the log; <paramref name="terms"/> are the extra loss-term columns of this kind.</summary>
    public TrainLog(string path, IReadOnlyList<string> terms, long resumedStep)
    {
        this.terms = terms;
        csv = new StepCsv(path, new[] { "step", "loss", "nll_bits" }.Concat(terms)
            .Concat(["grad_norm", "usage_perplexity_ratio", "fraction_used", "samples_per_s", "elapsed_s"]).ToList(), resumedStep);
    }

    /// <summary>Appends one row.</summary>
    public void Append(TrainMetrics m) =>
        csv.Append(m.Step, new double?[] { m.Loss, m.NllBits }.Concat(terms.Select(t => (double?)m.Terms[t]))
            .Concat([m.GradNorm, m.Usage?.PerplexityRatio, m.Usage?.FractionUsed, m.SamplesPerSecond, m.Elapsed.TotalSeconds]));
}
