namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Report section 4: sampling speed of every model (fast sampler from the long-range run, reference sampler from reconstructions) and training throughput.</summary>
public static class SpeedSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(ReportDocument doc, IReadOnlyList<RunFamily> families, LongRangeEvaluation? longRange)
    {
        doc.Line("## 4. Speed").Line();
        var table = new MarkdownTable("model", "what", "how measured", "speed", "real-time factor");
        foreach (var s in longRange?.Sources.Where(s => s.RealTimeFactor != null) ?? [])
            table.Row(s.Name, "sampling, full model", "fast C# sampler (`ada render` path), one stream, one core", $"{s.RealTimeFactor * 16000:N0} samples/s",
                $"{s.RealTimeFactor:F2}×");
        foreach (var f in families)
        {
            var recon = f.Runs.Select(r => r.Final.Reconstruction).OfType<ReconstructionScore>().ToList();
            if (recon.Count > 0)
                table.Row(f.Name, "decoding given codes", $"TorchSharp reference sampler, batch {recon[0].Crops}, one thread",
                    $"{Stat.Mean(recon.Select(r => r.SamplesPerSecond).ToList()):N0} samples/s", $"{Stat.Mean(recon.Select(r => r.SamplesPerSecond).ToList()) / 16000:F2}×");
            var training = f.Runs.Where(r => r.Final.TrainingSeconds > 0).Select(r => r.Final.Step * r.TrainSamplesPerStep / r.Final.TrainingSeconds).ToList();
            if (training.Count > 0)
                table.Row(f.Name, "training", $"ada train, {(f.First.TrainThreads == 0 ? "default" : f.First.TrainThreads.ToString())} thread(s), steps × samples / elapsed",
                    $"{Stat.Mean(training):N0} samples/s", $"{Stat.Mean(training) / 16000:F2}×");
        }
        if (table.Count == 0)
        {
            doc.Line("*No timing in the results.*").Line();
            return;
        }
        doc.Line("Real-time factor = seconds of 16 kHz audio per second of wall time (above 1× is faster than real time). "
                 + "The reference sampler runs one TorchSharp step per sample and exists to check the fast sampler, not to be fast.").Line()
            .Table(table);
    }
}
