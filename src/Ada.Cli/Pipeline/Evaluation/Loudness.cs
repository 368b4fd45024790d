namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Level of a signal in dB relative to full scale (a full-scale square wave is 0 dB, a full-scale sine −3.01 dB).</summary>
public static class Loudness
{
    /// <summary>Anything quieter is reported as this, so digital silence stays finite.</summary>
    public const double FloorDb = -120;

    /// <summary>RMS level 10·log10(mean x²) in dBFS.</summary>
    public static double RmsDb(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) throw new ArgumentException("no samples to measure");
        double sum = 0;
        foreach (var x in samples) sum += (double)x * x;
        return Math.Max(FloorDb, 10 * Math.Log10(sum / samples.Length));
    }
}
