using Ada.Plots;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Report section 2: one AMAE family per hop — held-out NLL given the codes, code usage and reconstruction distance, to show where fidelity falls.</summary>
public static class HopSection
{
    /// <summary>Appends the section; <paramref name="baselines"/> are plain WaveNets, the "no codes" end of the scale.</summary>
    public static void Write(ReportDocument doc, IReadOnlyList<RunFamily> hops, IReadOnlyList<LevelEvaluation> baselines)
    {
        doc.Line("## 2. Hop size (level 1)").Line();
        if (hops.Count == 0)
        {
            doc.Line("*No AMAE hop sweep results were found.*").Line();
            return;
        }
        doc.Line("NLL is the decoder's held-out negative log-likelihood given the codes (teacher forcing, bits per 8-bit mu-law sample; "
                 + "8 bits = uniform). The reconstruction encodes held-out crops and *samples* the decoder from the codes (temperature 1); "
                 + "its multi-resolution STFT distance (FFT 256/512/1024) is spectral convergence / mean |log-magnitude difference| — lower is closer. "
                 + "Class agreement is the share of samples whose sampled mu-law class equals the input's.").Line();
        // runs stopped at different steps are compared at the last step every one of them has a checkpoint for
        long common = ReportWriter.CommonStep(hops.SelectMany(f => f.Runs).Concat(baselines));
        var table = new MarkdownTable("hop", "codes / s", "bitrate of the code", "runs", "steps", "training", "held-out NLL (bits/sample)",
            common == 0 ? "NLL at a common step" : $"NLL at step {common:N0}", "perplexity / k", "codes used", "STFT SC / log-mag", "class agreement");
        foreach (var f in hops)
        {
            var e = f.First;
            var recon = f.Runs.Select(r => r.Final.Reconstruction).OfType<ReconstructionScore>().ToList();
            table.Row($"{e.Hop}", $"{16000 / e.Hop:N0}", $"{16000.0 / e.Hop * Math.Log2(e.Codes!.Value) / 1000:F1} kbit/s",
                string.Join(", ", f.Runs.Select(r => r.Name)), string.Join(", ", f.Runs.Select(ReportWriter.Steps).Distinct()),
                Stat.MeanSd(f.Runs.Select(r => r.Final.TrainingSeconds / 60).ToList(), "F1") + " min",
                Stat.MeanSd(f.Runs.Select(r => r.Final.NllBits).ToList(), "F3"), AtStep(f.Runs, common),
                Stat.MeanSd(f.Runs.Select(r => r.Final.PerplexityRatio ?? 0).ToList(), "P0"),
                Stat.MeanSd(f.Runs.Select(r => r.Final.FractionUsed ?? 0).ToList(), "P0"),
                recon.Count == 0 ? "–" : $"{Stat.MeanSd(Values(recon, r => r.SpectralConvergence), "F2")} / {Stat.MeanSd(Values(recon, r => r.LogMagnitude), "F2")}",
                recon.Count == 0 ? "–" : Stat.MeanSd(recon.Select(r => r.Agreement).ToList(), "P1"));
        }
        foreach (var b in baselines)
            table.Row("no codes", "0", "0", b.Name, ReportWriter.Steps(b), ReportWriter.Minutes(b.Final.TrainingSeconds), Stat.Format(b.Final.NllBits, "F3"),
                AtStep([b], common), "–", "–", "–", "–");
        doc.Table(table);

        var x = hops.Select(f => (double)f.First.Hop).ToArray();
        // one step for every point when there is one, so longer-trained runs do not look better for it
        double Nll(LevelEvaluation r) => common > 0 ? ReportWriter.At([r], common)![0].NllBits : r.Final.NllBits;
        var when = common > 0 ? $"at step {common:N0}" : "newest checkpoints";
        var nll = new List<CurveSeries> { new("AMAE, NLL given the codes", x, hops.Select(f => Stat.Mean(f.Runs.Select(Nll).ToList())).ToArray()) };
        nll.AddRange(baselines.Select(b => new CurveSeries($"{b.Name} (no codes)", [x.Min(), x.Max()], [Nll(b), Nll(b)])));
        doc.Curves("hop-nll.png", nll, $"Held-out NLL against hop size ({when})", "bits / sample", $"Held-out NLL against hop size, {when} (mean over seeds)", "hop (samples per code)");
        var withRecon = hops.Where(f => f.Runs.Any(r => r.Final.Reconstruction?.SpectralConvergence != null)).ToList();
        var rx = withRecon.Select(f => (double)f.First.Hop).ToArray();
        doc.Curves("hop-stft.png", [
                new CurveSeries("spectral convergence", rx, withRecon.Select(f => Stat.Mean(Values(Recon(f), r => r.SpectralConvergence))).ToArray()),
                new CurveSeries("log-magnitude distance", rx, withRecon.Select(f => Stat.Mean(Values(Recon(f), r => r.LogMagnitude))).ToArray()),
            ], "Reconstruction distance against hop size", "distance", "Multi-resolution STFT distance of sampled reconstructions against hop size", "hop (samples per code)");

        ReconstructionMedia.Write(doc, hops.Select(f => f.First).ToList(), e => $"hop {e.Hop}", "hop-reconstructions.png",
            "The same held-out excerpt encoded and re-sampled at each hop");
    }

    /// <summary>Mean held-out NLL of the runs' checkpoints at <paramref name="step"/>, or "–" when a run has none there.</summary>
    static string AtStep(IReadOnlyList<LevelEvaluation> runs, long step) =>
        ReportWriter.At(runs, step) is { } scores ? Stat.MeanSd(scores.Select(c => c.NllBits).ToList(), "F3") : "–";

    static List<ReconstructionScore> Recon(RunFamily f) => f.Runs.Select(r => r.Final.Reconstruction).OfType<ReconstructionScore>().ToList();

    static List<double> Values(IEnumerable<ReconstructionScore> scores, Func<ReconstructionScore, double?> value) =>
        scores.Select(value).OfType<double>().ToList();
}
