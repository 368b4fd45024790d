namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>The listening part of a report section: one spectrogram of the original and each run's reconstruction side by side, and links to the WAVs.</summary>
public static class ReconstructionMedia
{
    /// <summary>Appends the figure and the audio links of the runs that wrote reconstruction audio; nothing when none did.</summary>
    public static void Write(ReportDocument doc, IReadOnlyList<LevelEvaluation> runs, Func<LevelEvaluation, string> label, string figure, string caption)
    {
        var withAudio = runs.Where(e => e.Final.Reconstruction?.ReconstructedAudio != null).ToList();
        if (withAudio.Count == 0) return;
        var clips = new List<(string Label, string Wav)>();
        if (withAudio[0].Final.Reconstruction!.OriginalAudio is { } original) clips.Add(("original", original));
        clips.AddRange(withAudio.Select(e => (label(e), e.Final.Reconstruction!.ReconstructedAudio!)));
        doc.Spectrograms(figure, clips, caption);
        doc.Line($"Audio ({caption.ToLowerInvariant()}; 16 kHz WAV):").Line();
        foreach (var (name, wav) in clips) doc.Line($"- [{name}]({doc.Link(wav)})");
        doc.Line();
    }
}
