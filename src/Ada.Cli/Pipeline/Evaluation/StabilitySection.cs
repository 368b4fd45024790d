using Ada.Plots;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Report section 1: AMAE against VQ-VAE over seeds — held-out code usage over training, final NLL, and the ≥ 80 % usage target.</summary>
public static class StabilitySection
{
    /// <summary>The target the issue sets: AMAE keeps at least this share of its codes in use (perplexity / k) on every seed.</summary>
    public const double UsageTarget = 0.8;

    /// <summary>Appends the section for the families at one hop.</summary>
    public static void Write(ReportDocument doc, IReadOnlyList<RunFamily> families)
    {
        doc.Line("## 1. AMAE vs VQ-VAE: codebook stability").Line();
        if (families.Count == 0)
        {
            doc.Line("*No seeded level-1 ADA results (names `<family>-s<seed>`) were found.*").Line();
            return;
        }
        var runs = families.SelectMany(f => f.Runs.Select(r => (Family: f, Run: r))).ToList();
        doc.Line($"Same size and hop ({families[0].First.Hop}) for every run; code usage is measured on the held-out crops "
                 + "(all crops together, not per training batch). Perplexity / k = exp(entropy of the code frequencies) / k: 100 % means all codes equally used.").Line();

        var perRun = new MarkdownTable("run", "quantiser", "seed", "steps", "training", "held-out NLL (bits/sample)", "perplexity / k", "codes used", $"perplexity / k ≥ {UsageTarget:P0}");
        foreach (var (family, run) in runs)
            perRun.Row(run.Name, family.Quantiser, $"{run.TrainSeed}", ReportWriter.Steps(run), ReportWriter.Minutes(run.Final.TrainingSeconds),
                Stat.Format(run.Final.NllBits, "F3"), Stat.Format(run.Final.PerplexityRatio, "P1"), Stat.Format(run.Final.FractionUsed, "P0"),
                run.Final.PerplexityRatio >= UsageTarget ? "yes" : "no");
        doc.Table(perRun);

        var summary = new MarkdownTable("family", "quantiser", "seeds", "held-out NLL", "perplexity / k", "lowest perplexity / k", "codes used", $"seeds ≥ {UsageTarget:P0}");
        foreach (var f in families)
        {
            var usage = f.Runs.Select(r => r.Final.PerplexityRatio ?? 0).ToList();
            summary.Row(f.Name, f.Quantiser, $"{f.Runs.Count}", Stat.MeanSd(f.Runs.Select(r => r.Final.NllBits).ToList(), "F3"),
                Stat.MeanSd(usage, "P1"), $"{usage.Min():P1}", Stat.MeanSd(f.Runs.Select(r => r.Final.FractionUsed ?? 0).ToList(), "P0"),
                $"{usage.Count(u => u >= UsageTarget)} of {usage.Count}");
        }
        doc.Line("Mean ± standard deviation over seeds (newest checkpoint of each run):").Line().Table(summary);
        AtCommonStep(doc, families);

        foreach (var f in families.Where(f => f.First.Kind == Ada.Models.ModelKind.AdaAmae))
        {
            int met = f.Runs.Count(r => r.Final.PerplexityRatio >= UsageTarget);
            doc.Line($"**Target check** ({f.Quantiser}): perplexity / k ≥ {UsageTarget:P0} on every seed — "
                     + (met == f.Runs.Count ? "**met**" : $"**not met** ({met} of {f.Runs.Count} seeds)") + ".").Line();
        }

        Series(doc, runs, "stability-perplexity.png", s => s.PerplexityRatio, "Held-out code usage", "perplexity / k",
            "Held-out perplexity / k at every checkpoint");
        Series(doc, runs, "stability-fraction.png", s => s.FractionUsed, "Held-out fraction of codes used", "fraction of k",
            "Fraction of the k codes used at least once on the held-out crops, at every checkpoint");
        Series(doc, runs, "stability-nll.png", s => s.NllBits, "Held-out NLL given the codes", "bits / sample",
            "Held-out decoder NLL given the codes, at every checkpoint");
        ReconstructionMedia.Write(doc, families.Select(f => f.First).ToList(), e => e.Name, "quantiser-reconstructions.png",
            "The same held-out excerpt encoded and re-sampled by the first seed of each family");
        var logs = runs.Where(r => r.Run.TrainLog is not null).Select(r => (r.Run.Name, Log: ResultPaths.Resolve(r.Run.TrainLog!), Column: "usage_perplexity_ratio"))
            .Where(r => File.Exists(r.Log)).ToList();
        doc.CsvCurves("stability-train-usage.png", logs, "Code usage per training batch (train.csv)", "perplexity / k",
            "Perplexity / k of each logged training batch (4 crops, so lower and noisier than the held-out value)");
    }

    /// <summary>When the runs stopped at different steps, the same summary at the last step all of them reached.</summary>
    static void AtCommonStep(ReportDocument doc, IReadOnlyList<RunFamily> families)
    {
        var all = families.SelectMany(f => f.Runs).ToList();
        long step = ReportWriter.CommonStep(all);
        if (step == 0 || all.All(r => r.Final.Step == step)) return;
        var table = new MarkdownTable("family", "seeds", $"held-out NLL at step {step:N0}", "perplexity / k", "codes used", $"seeds ≥ {UsageTarget:P0}");
        foreach (var f in families)
        {
            var scores = ReportWriter.At(f.Runs, step)!;
            var usage = scores.Select(c => c.PerplexityRatio ?? 0).ToList();
            table.Row(f.Name, $"{f.Runs.Count}", Stat.MeanSd(scores.Select(c => c.NllBits).ToList(), "F3"), Stat.MeanSd(usage, "P1"),
                Stat.MeanSd(scores.Select(c => c.FractionUsed ?? 0).ToList(), "P0"), $"{usage.Count(u => u >= UsageTarget)} of {usage.Count}");
        }
        doc.Line($"The runs stopped at different steps; the same comparison at step {step:N0}, which every run reached:").Line().Table(table);
    }

    static void Series(ReportDocument doc, IReadOnlyList<(RunFamily Family, LevelEvaluation Run)> runs, string file,
        Func<CheckpointScore, double?> value, string title, string yLabel, string caption) =>
        doc.Curves(file, runs.Select(r => new CurveSeries(r.Run.Name,
            r.Run.Checkpoints.Select(c => (double)c.Step).ToArray(),
            r.Run.Checkpoints.Select(c => value(c) ?? double.NaN).ToArray())).ToList(), title, yLabel, caption);
}
