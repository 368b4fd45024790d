namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Report section "Setup": the machine, the data hours and every family's training budget, so no number stands without them.</summary>
public static class SetupSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(ReportDocument doc, ReportInputs inputs, IReadOnlyList<RunFamily> families, IReadOnlyList<LevelEvaluation> baselines)
    {
        doc.Line("## Setup").Line();
        var machines = inputs.Levels.Select(l => l.Machine).Append(inputs.LongRange?.Machine).OfType<string>().Distinct().ToList();
        doc.Line($"- **Machine** (training and evaluation): {string.Join("; ", machines)}. The cores were shared with other jobs "
                 + "(training queues, builds), so times are wall-clock on a busy machine.");
        foreach (var data in inputs.Levels.Where(l => l.TrainHours != null).GroupBy(l => (l.Dataset, l.Split)))
        {
            var e = data.First();
            doc.Line($"- **Data** `{e.Dataset}`: training split {e.TrainHours:F2} h; held-out crops from the {e.Split} split ({e.HeldOutHours:F2} h), "
                     + $"{e.Crops} crops × {e.CropLength:N0} samples ({e.Crops * e.CropLength / 16000.0:F1} s) drawn with seed {e.Seed}, the same crops for every checkpoint.");
        }
        if (inputs.LongRange is { RealDataset: { } real } lr)
            doc.Line($"- **Real pieces** for the long-range comparison: test split of `{real}` ({lr.RealHours:F2} h).");
        doc.Line();

        var table = new MarkdownTable("runs", "kind", "hop", "codes", "seeds", "steps", "samples / step", "audio seen", "threads", "training time (each)");
        foreach (var f in families.Concat(baselines.Select(b => new RunFamily(b.Name, [b]))))
        {
            var e = f.First;
            var seen = f.Runs.Select(r => r.Final.Step * r.TrainSamplesPerStep / 16000.0 / 3600).ToList();
            table.Row(f.Name, e.Kind, e.Codes is null ? "–" : $"{e.Hop}", e.Codes is { } k ? $"{k}" : "–", string.Join(", ", f.Runs.Select(r => r.TrainSeed)),
                string.Join(", ", f.Runs.Select(ReportWriter.Steps).Distinct()), $"{e.TrainSamplesPerStep:N0}",
                $"{Stat.Mean(seen):F2} h", e.TrainThreads == 0 ? "default" : $"{e.TrainThreads}",
                Stat.MeanSd(f.Runs.Select(r => r.Final.TrainingSeconds / 60).ToList(), "F1") + " min");
        }
        if (table.Count > 0) doc.Line("Training budgets (from the checkpoint headers):").Line().Table(table);
    }
}
