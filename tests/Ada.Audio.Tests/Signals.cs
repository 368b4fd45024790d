namespace Ada.Audio.Tests;

/// <summary>Test signals and the measurements the resampler and decoder tests assert on.</summary>
internal static class Signals
{
    /// <summary>amplitude · sin(2π f t / rate + phase), t = 0..n-1.</summary>
    public static float[] Sine(int n, double frequency, int rate, double amplitude = 1.0, double phase = 0) =>
        Enumerable.Range(0, n).Select(t => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * t / rate + phase))).ToArray();

    /// <summary>The middle half of a signal, away from onset and end transients.</summary>
    public static ReadOnlySpan<float> Middle(ReadOnlySpan<float> x) => x.Slice(x.Length / 4, x.Length / 2);

    /// <summary>10 log10(Σ reference² / Σ (actual − reference)²).</summary>
    public static double SnrDb(ReadOnlySpan<float> actual, ReadOnlySpan<float> reference)
    {
        Assert.That(actual.Length, Is.EqualTo(reference.Length));
        double signal = 0, noise = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            double e = (double)actual[i] - reference[i];
            noise += e * e;
        }
        return 10 * Math.Log10(signal / noise);
    }

    /// <summary>Root mean square.</summary>
    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
            sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>Amplitude of the component at <paramref name="frequency"/>: one Hann-windowed DFT bin, scaled so a sine of amplitude A reads A.</summary>
    public static double ToneAmplitude(ReadOnlySpan<float> x, double frequency, int rate)
    {
        double re = 0, im = 0, windowSum = 0;
        for (int n = 0; n < x.Length; n++)
        {
            double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / (x.Length - 1));
            double angle = 2 * Math.PI * frequency * n / rate;
            re += w * x[n] * Math.Cos(angle);
            im -= w * x[n] * Math.Sin(angle);
            windowSum += w;
        }
        return 2 * Math.Sqrt(re * re + im * im) / windowSum;
    }

    /// <summary>Frequency estimated from the number of sign changes (for a clean sine: 2 per period).</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> x, int rate)
    {
        int crossings = 0;
        for (int i = 1; i < x.Length; i++)
            if ((x[i - 1] < 0) != (x[i] < 0))
                crossings++;
        return crossings / 2.0 * rate / x.Length;
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);
}
