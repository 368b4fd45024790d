using System.Globalization;

namespace Ada.Models;

/// <summary>CSV log of a run (train.csv): one row per logged step; on resume, rows after the checkpoint's step are dropped.</summary>
public sealed class TrainLog
{
    readonly string path;
    readonly IReadOnlyList<string> terms;

    /// <summary>Opens or creates the log; <paramref name="terms"/> are the extra loss-term columns of this kind.</summary>
    public TrainLog(string path, IReadOnlyList<string> terms, long resumedStep)
    {
        this.path = path;
        this.terms = terms;
        var header = string.Join(',', new[] { "step", "loss", "nll_bits" }.Concat(terms)
            .Concat(["grad_norm", "usage_perplexity_ratio", "fraction_used", "samples_per_s", "elapsed_s"]));
        var kept = File.Exists(path)
            ? File.ReadAllLines(path).Skip(1).Where(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture) <= resumedStep)
            : [];
        AtomicFile.WriteText(path, string.Join('\n', kept.Prepend(header)) + "\n");
    }

    /// <summary>Appends one row.</summary>
    public void Append(TrainMetrics m)
    {
        static string F(double? v) => v?.ToString("G6", CultureInfo.InvariantCulture) ?? "";
        var cells = new[] { m.Step.ToString(CultureInfo.InvariantCulture), F(m.Loss), F(m.NllBits) }
            .Concat(terms.Select(t => F(m.Terms[t])))
            .Concat([F(m.GradNorm), F(m.Usage?.PerplexityRatio), F(m.Usage?.FractionUsed), F(m.SamplesPerSecond), F(m.Elapsed.TotalSeconds)]);
        File.AppendAllText(path, string.Join(',', cells) + "\n");
    }
}
