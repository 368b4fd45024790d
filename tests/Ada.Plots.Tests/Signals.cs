namespace Ada.Plots.Tests;

/// <summary>Test signals with known spectra.</summary>
internal static class Signals
{
    /// <summary>amplitude · sin(2π f t / rate), t = 0..n-1.</summary>
    public static float[] Sine(int n, double frequency, int rate, double amplitude = 1.0) =>
        Enumerable.Range(0, n).Select(t => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * t / rate))).ToArray();

    /// <summary>Linear chirp whose instantaneous frequency goes from <paramref name="f0"/> at t = 0 to <paramref name="f1"/> at the last sample.</summary>
    public static float[] Chirp(int n, double f0, double f1, int rate)
    {
        double duration = (double)n / rate;
        return Enumerable.Range(0, n).Select(i =>
        {
            double t = (double)i / rate;
            return (float)(0.5 * Math.Sin(2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * duration))));
        }).ToArray();
    }

    /// <summary>Instantaneous frequency of <see cref="Chirp"/> at time <paramref name="t"/> seconds.</summary>
    public static double ChirpFrequency(double t, int n, double f0, double f1, int rate) => f0 + (f1 - f0) * t / ((double)n / rate);

    /// <summary>Zeros with a single 1 at <paramref name="position"/>.</summary>
    public static float[] Impulse(int n, int position)
    {
        var x = new float[n];
        x[position] = 1;
        return x;
    }
}
