using System.Numerics;

namespace Ada.Plots;

/// <summary>Log-magnitude STFT: <see cref="Db"/> is (T, F) with frame centres <see cref="Times"/> (s) and bin frequencies <see cref="Frequencies"/> (Hz, 0 to Nyquist); values are clipped to [<see cref="FloorDb"/>, <see cref="PeakDb"/>].</summary>
/// <remarks>0 dB is a full-scale sine centred on a bin: magnitudes are scaled by 2 / Σ window.</remarks>
public sealed record Spectrogram(double[] Times, double[] Frequencies, double[,] Db, double PeakDb, double FloorDb, StftConfig Config)
{
    /// <summary>Magnitudes below this (−200 dB) are raised to it so silence gives finite values.</summary>
    const double MinMagnitude = 1e-10;

    /// <summary>Number of frames T.</summary>
    public int FrameCount => Times.Length;

    /// <summary>Number of bins F = FftSize / 2 + 1.</summary>
    public int BinCount => Frequencies.Length;

    /// <summary>Index of the loudest bin of frame <paramref name="frame"/> (the lowest one on ties).</summary>
    public int PeakBin(int frame)
    {
        int best = 0;
        for (int k = 1; k < BinCount; k++)
            if (Db[frame, k] > Db[frame, best])
                best = k;
        return best;
    }

    /// <summary>STFT of mono <paramref name="samples"/> (T,) at <paramref name="sampleRate"/>; <paramref name="config"/> defaults to <see cref="StftConfig.ForSignal"/>.</summary>
    public static Spectrogram Compute(ReadOnlySpan<float> samples, int sampleRate, StftConfig? config = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        int bad = FirstNonFinite(samples);
        if (bad >= 0)
            throw new ArgumentException($"sample {bad} is {samples[bad]}; a spectrogram needs finite samples", nameof(samples));
        config ??= StftConfig.ForSignal(samples.Length, sampleRate);
        config.Validate();
        int n = config.FftSize, bins = n / 2 + 1, frames = config.FrameCount(samples.Length);

        var window = HannWindow(n);
        double scale = 2 / window.Sum();
        var fft = new Fft(n);
        var buffer = new Complex[n];
        var db = new double[frames, bins];
        double peak = double.NegativeInfinity;
        for (int t = 0; t < frames; t++)
        {
            int start = t * config.HopSize;
            for (int i = 0; i < n; i++)
                buffer[i] = start + i < samples.Length ? samples[start + i] * window[i] : 0;
            fft.Forward(buffer);
            for (int k = 0; k < bins; k++)
            {
                double value = 20 * Math.Log10(Math.Max(buffer[k].Magnitude * scale, MinMagnitude));
                db[t, k] = value;
                peak = Math.Max(peak, value);
            }
        }

        double floor = peak - config.RangeDb;
        for (int t = 0; t < frames; t++)
            for (int k = 0; k < bins; k++)
                db[t, k] = Math.Max(db[t, k], floor);

        var times = Enumerable.Range(0, frames).Select(t => (t * config.HopSize + n / 2.0) / sampleRate).ToArray();
        var frequencies = Enumerable.Range(0, bins).Select(k => k * (double)sampleRate / n).ToArray();
        return new Spectrogram(times, frequencies, db, peak, floor, config);
    }

    static int FirstNonFinite(ReadOnlySpan<float> samples)
    {
        for (int i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i]))
                return i;
        return -1;
    }

    /// <summary>Periodic Hann window (N,), the form whose hop-N/4 overlaps sum to a constant.</summary>
    static double[] HannWindow(int n) =>
        Enumerable.Range(0, n).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n)).ToArray();
}
