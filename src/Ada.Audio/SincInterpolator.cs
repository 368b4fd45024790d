namespace Ada.Audio;

/// <summary>
/// Band-limited evaluation of a sampled signal at any fractional index, for playing audio back at a varying or non-rational
/// rate (e.g. a take transposed by semitones). A Kaiser-windowed sinc whose cutoff is scaled by min(1, 1/step), so reading
/// <c>step</c> input samples per output sample never aliases; the value at a position is a pure function of the signal and
/// the position (taps summed in ascending index order in double precision), so any output can be recomputed on its own.
/// </summary>
/// <remarks>
/// Design (as <see cref="ResamplerQuality"/>, band edges relative to the output-limited band min(1, 1/step) × input Nyquist):
/// pass 0.875, stop 1.0, cutoff 0.9375 there, Kaiser β for the stopband attenuation. The prototype sinc·window is tabulated at
/// <see cref="TableResolution"/> points per zero crossing and interpolated linearly, so any cutoff uses the same table.
/// </remarks>
public sealed class SincInterpolator
{
    /// <summary>Table points per zero crossing of the prototype (linear interpolation error ~1e-6 of the tap, far below the stopband).</summary>
    public const int TableResolution = 512;

    readonly double[] _table;
    readonly double _bandwidth;
    readonly double _tableScale;
    readonly int _tableEnd;

    /// <summary>An interpolator for reading <paramref name="step"/> (&gt; 0) input samples per output sample.</summary>
    public SincInterpolator(double step, ResamplerQuality? quality = null)
    {
        if (!(step > 0 && double.IsFinite(step))) throw new ArgumentOutOfRangeException(nameof(step), step, "the step must be a positive finite number of input samples per output");
        quality ??= ResamplerQuality.Default;
        quality.Validate();
        Step = step;
        double band = Math.Min(1, 1 / step);
        _bandwidth = quality.Cutoff * band;                                   // cutoff as a fraction of the input Nyquist
        double transition = Math.PI * (quality.StopbandEdge - quality.PassbandEdge) * band;
        int taps = KaiserWindow.Length(quality.StopbandAttenuationDb, transition);
        ZeroCrossings = (int)Math.Ceiling(taps / 2.0 * _bandwidth);
        Reach = ZeroCrossings / _bandwidth;
        double beta = KaiserWindow.Beta(quality.StopbandAttenuationDb);
        _tableEnd = ZeroCrossings * TableResolution;
        _table = new double[_tableEnd + 2];                                   // one zero past the end for the interpolation
        for (int i = 0; i <= _tableEnd; i++)
        {
            double y = (double)i / TableResolution;
            _table[i] = PolyphaseFilter.Sinc(y) * KaiserWindow.Value(beta, y / ZeroCrossings);
        }
        _tableScale = _bandwidth * TableResolution;
    }

    /// <summary>Input samples read per output sample.</summary>
    public double Step { get; }

    /// <summary>Zero crossings of the kernel on each side of its centre.</summary>
    public int ZeroCrossings { get; }

    /// <summary>Input samples on each side of a position that contribute to its value.</summary>
    public double Reach { get; }

    /// <summary>The first input index that contributes to the value at <paramref name="position"/> (never below 0).</summary>
    public long FirstTap(double position) => Math.Max(0, (long)Math.Ceiling(position - Reach));

    /// <summary>The last input index that contributes to the value at <paramref name="position"/> of a signal of <paramref name="length"/> samples.</summary>
    public long LastTap(double position, long length) => Math.Min(length - 1, (long)Math.Floor(position + Reach));

    /// <summary>
    /// The band-limited value at fractional index <paramref name="position"/> of a signal of <paramref name="length"/> samples
    /// (zero outside 0..length−1). <paramref name="window"/> holds the samples from index <paramref name="windowStart"/> on and
    /// must cover <see cref="FirstTap"/>..<see cref="LastTap"/>; where it starts does not change the result.
    /// </summary>
    public float Evaluate(ReadOnlySpan<float> window, long windowStart, long length, double position)
    {
        long first = FirstTap(position), last = LastTap(position, length);
        if (first > last) return 0;
        if (first < windowStart || last >= windowStart + window.Length)
            throw new ArgumentException($"the window {windowStart}..{windowStart + window.Length - 1} does not cover taps {first}..{last} of position {position}", nameof(window));
        double sum = 0;
        for (long k = first; k <= last; k++)
        {
            double y = Math.Abs(position - k) * _tableScale;
            int i = (int)y;
            if (i >= _tableEnd) continue;   // exactly at the reach: the kernel is zero there
            double tap = _table[i] + (y - i) * (_table[i + 1] - _table[i]);
            sum += window[(int)(k - windowStart)] * tap;
        }
        return (float)(sum * _bandwidth);
    }
}
