namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>First-versus-last-segment statistics of one clip: chroma profiles (12,), their correlation and entropies, RMS levels in dBFS.</summary>
public sealed record ClipStats(
    string Label,
    double[] ChromaFirst,
    double[] ChromaLast,
    double ChromaCorrelation,
    double EntropyFirstBits,
    double EntropyLastBits,
    double LoudnessFirstDb,
    double LoudnessLastDb)
{
    /// <summary>How much louder the last segment is than the first (dB).</summary>
    [Newtonsoft.Json.JsonIgnore]
    public double LoudnessChangeDb => LoudnessLastDb - LoudnessFirstDb;

    /// <summary>Compares the first and the last <paramref name="segmentSeconds"/> of <paramref name="clip"/>.</summary>
    public static ClipStats Of(string label, ReadOnlySpan<float> clip, int sampleRate, double segmentSeconds)
    {
        int segment = (int)Math.Round(segmentSeconds * sampleRate);
        if (segment <= 0 || clip.Length < 2 * segment)
            throw new ArgumentException($"clip {label}: {clip.Length} samples cannot hold two segments of {segmentSeconds} s");
        var first = clip[..segment];
        var last = clip[^segment..];
        var (cf, cl) = (Chroma.Of(first, sampleRate), Chroma.Of(last, sampleRate));
        return new ClipStats(label, cf, cl, Chroma.Correlation(cf, cl), Chroma.EntropyBits(cf), Chroma.EntropyBits(cl),
            Loudness.RmsDb(first), Loudness.RmsDb(last));
    }
}
