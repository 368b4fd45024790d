namespace Ada.Plots;

/// <summary>Min/max of a signal over each of <c>C</c> equal time columns (one per plot pixel), so a long waveform draws as a band without aliasing: <see cref="Times"/>, <see cref="Min"/>, <see cref="Max"/> are (C,).</summary>
public sealed record WaveformEnvelope(double[] Times, double[] Min, double[] Max)
{
    /// <summary>Splits <paramref name="samples"/> (T,) into <paramref name="columns"/> spans; a span with no sample (T &lt; C) takes the sample under its centre.</summary>
    public static WaveformEnvelope Compute(ReadOnlySpan<float> samples, int sampleRate, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var times = new double[columns];
        var min = new double[columns];
        var max = new double[columns];
        long count = samples.Length;
        for (int c = 0; c < columns; c++)
        {
            long start = c * count / columns, end = (c + 1) * count / columns;
            times[c] = (start + end) / 2.0 / sampleRate;
            if (count == 0)
                continue;
            var span = end > start ? samples[(int)start..(int)end] : samples.Slice((int)Math.Min(start, count - 1), 1);
            float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
            foreach (float s in span)
            {
                lo = Math.Min(lo, s);
                hi = Math.Max(hi, s);
            }
            (min[c], max[c]) = (lo, hi);
        }
        return new WaveformEnvelope(times, min, max);
    }
}
