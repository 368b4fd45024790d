namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Report section 3: long unconditional clips of each model against real pieces — chroma and loudness of the first against the last segment.</summary>
public static class LongRangeSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(ReportDocument doc, LongRangeEvaluation? result)
    {
        doc.Line("## 3. Long-range structure").Line();
        if (result is null)
        {
            doc.Line("*No long-range result (`longrange.json`) was found.*").Line();
            return;
        }
        doc.Line($"Each model generated unconditional clips of {result.Seconds:F0} s (fast sampler, seed {result.Seed}, temperature {result.Temperature:G3} on every level); "
                 + $"real clips are {result.Seconds:F0} s crops of the test split. For each clip the first and the last {result.SegmentSeconds:F0} s are compared: "
                 + "12-bin chroma (FFT 4096; semitone bands C3–B6, each scored by its peak-to-background ratio so noise gives a flat profile; "
                 + "Pearson correlation of the two profiles), chroma entropy "
                 + $"(log2 12 = {Math.Log2(12):F2} bits is a flat, noise-like profile) and RMS level. The chance column correlates the first segment of one clip "
                 + "with the last segment of *another* clip of the same source (mean over all pairs): a first↔last correlation above it means a clip holds on to "
                 + "its own harmony rather than to harmony every clip of that source shares.").Line();
        var table = new MarkdownTable("source", "training", "clips", "chroma corr. first ↔ last", "chance (other clip)", "above chance", "chroma entropy first / last (bits)",
            "level first / last (dBFS)", "mean |Δ level|");
        foreach (var s in result.Sources)
        {
            var c = s.Clips;
            var correlation = c.Select(x => x.ChromaCorrelation).ToList();
            table.Row(s.Name, Training(s), $"{c.Count}", Stat.MeanSd(correlation, "F2"), $"{s.ChanceCorrelation:F2}", $"{Stat.Mean(correlation) - s.ChanceCorrelation:+0.00;-0.00}",
                $"{Stat.Mean(c.Select(x => x.EntropyFirstBits).ToList()):F2} / {Stat.Mean(c.Select(x => x.EntropyLastBits).ToList()):F2}",
                $"{Stat.Mean(c.Select(x => x.LoudnessFirstDb).ToList()):F1} / {Stat.Mean(c.Select(x => x.LoudnessLastDb).ToList()):F1}",
                $"{Stat.Mean(c.Select(x => Math.Abs(x.LoudnessChangeDb)).ToList()):F1} dB");
        }
        doc.Table(table);

        var clips = new MarkdownTable("clip", "chroma corr.", "strongest pitch classes first → last", "level first → last (dBFS)");
        foreach (var clip in result.Sources.SelectMany(s => s.Clips))
            clips.Row(clip.Label, $"{clip.ChromaCorrelation:F2}", $"{Top(clip.ChromaFirst)} → {Top(clip.ChromaLast)}", $"{clip.LoudnessFirstDb:F1} → {clip.LoudnessLastDb:F1}");
        doc.Line("<details><summary>Per clip</summary>").Line().Table(clips).Line("</details>").Line();

        foreach (var s in result.Sources.Where(s => s.Spectrogram != null))
            doc.Image(s.Spectrogram!, $"{s.Name}: spectrogram of clip 0 ({result.Seconds:F0} s)", "ada eval longrange");
        var audio = result.Sources.Where(s => s.Audio != null).ToList();
        if (audio.Count > 0)
        {
            doc.Line("Audio (first seconds of clip 0, 16 kHz WAV):").Line();
            foreach (var s in audio) doc.Line($"- [{s.Name}]({doc.Link(s.Audio!)})");
            doc.Line();
        }
    }

    /// <summary>"3 levels, 54 min, 1,337 steps in all" or "–" for real pieces.</summary>
    static string Training(SourceStats s) => s.Levels.Count == 0 ? "–"
        : $"{s.Levels.Count} level{(s.Levels.Count > 1 ? "s" : "")}: " + string.Join(", ", s.Levels.Select(l => $"L{l.Level} {l.Step:N0} steps / {l.TrainingSeconds / 60:F0} min"));

    /// <summary>The two strongest pitch classes with their shares, e.g. "G 21 %, D 15 %".</summary>
    static string Top(double[] chroma) => string.Join(", ", chroma.Select((p, i) => (p, i)).OrderByDescending(x => x.p).Take(2)
        .Select(x => $"{Chroma.Names[x.i]} {x.p:P0}"));
}
