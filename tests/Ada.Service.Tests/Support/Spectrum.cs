namespace Ada.Service.Tests.Support;

/// <summary>Where a signal's energy is: a Hann-windowed DFT scanned bin by bin, then refined around the strongest bin.</summary>
public static class Spectrum
{
    /// <summary>Frequency (Hz) of the strongest component of <paramref name="x"/> sampled at <paramref name="rate"/>, to about 0.05 Hz for a pure tone.</summary>
    public static double PeakFrequency(ReadOnlySpan<float> x, int rate)
    {
        double bin = (double)rate / x.Length, best = 0, bestPower = -1;
        for (int k = 1; k < x.Length / 2; k++)
            if (Power(x, k * bin, rate) is var p && p > bestPower) (best, bestPower) = (k * bin, p);
        double coarse = best;
        for (double f = coarse - bin; f <= coarse + bin; f += 0.05)
            if (Power(x, f, rate) is var p && p > bestPower) (best, bestPower) = (f, p);
        return best;
    }

    /// <summary>|Σ w[n] x[n] e^(−2πi f n / rate)|² by the Goertzel recurrence, Hann window w.</summary>
    private static double Power(ReadOnlySpan<float> x, double frequency, int rate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / rate), s1 = 0, s2 = 0;
        for (int n = 0; n < x.Length; n++)
        {
            double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / (x.Length - 1));
            double s0 = w * x[n] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
