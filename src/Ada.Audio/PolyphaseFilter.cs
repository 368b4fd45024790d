using System.Collections.Concurrent;

namespace Ada.Audio;

/// <summary>A Kaiser-windowed sinc low-pass at the upsampled rate L·from, split into L phases of K taps each.</summary>
/// <remarks>Output m sits at up-rate time t = m·M; it uses phase p = t mod L against inputs x[t div L − k], k &lt; K.</remarks>
internal sealed class PolyphaseFilter
{
    /// <summary>Largest interpolation or decimation factor after reducing the rate ratio by its gcd.</summary>
    public const int MaxFactor = 4096;

    static readonly ConcurrentDictionary<(int From, int To, ResamplerQuality Quality), PolyphaseFilter> Cache = new();

    readonly float[] _coefficients;

    PolyphaseFilter(int up, int down, int tapsPerPhase, int center, float[] coefficients)
    {
        Up = up;
        Down = down;
        TapsPerPhase = tapsPerPhase;
        Center = center;
        _coefficients = coefficients;
    }

    /// <summary>Interpolation factor L = to / gcd.</summary>
    public int Up { get; }

    /// <summary>Decimation factor M = from / gcd.</summary>
    public int Down { get; }

    /// <summary>Taps per phase K (a multiple of 8 for designed filters).</summary>
    public int TapsPerPhase { get; }

    /// <summary>Index of the prototype's centre tap, in up-rate samples: the filter's group delay.</summary>
    public int Center { get; }

    /// <summary>Phase <paramref name="p"/>'s taps, time-reversed so they line up with a window of inputs oldest first, (K,).</summary>
    public ReadOnlySpan<float> Phase(int p) => _coefficients.AsSpan(p * TapsPerPhase, TapsPerPhase);

    /// <summary>The filter for a rate pair, designed once per process.</summary>
    public static PolyphaseFilter For(int fromRate, int toRate, ResamplerQuality quality) =>
        Cache.GetOrAdd((fromRate, toRate, quality), key => Design(key.From, key.To, key.Quality));

    static PolyphaseFilter Design(int fromRate, int toRate, ResamplerQuality quality)
    {
        int gcd = Gcd(fromRate, toRate);
        int up = toRate / gcd, down = fromRate / gcd;
        if (up > MaxFactor || down > MaxFactor)
            throw new ArgumentException($"resampling {fromRate} -> {toRate} Hz reduces to {up}/{down}; factors above {MaxFactor} are not supported");
        if (up == down)
            return new PolyphaseFilter(1, 1, 1, 0, [1f]);

        // Frequencies in cycles (cutoff) and radians (transition) per sample at the up-rate L·from.
        double upRate = (double)up * fromRate;
        double nyquist = Math.Min(fromRate, toRate) / 2.0;
        double cutoff = quality.Cutoff * nyquist / upRate;
        double transition = 2 * Math.PI * (quality.StopbandEdge - quality.PassbandEdge) * nyquist / upRate;
        int needed = KaiserWindow.Length(quality.StopbandAttenuationDb, transition);
        int taps = (needed + up - 1) / up;
        taps = (taps + 7) / 8 * 8;

        // An odd length puts the centre on a sample, so the group delay is a whole number of up-rate samples.
        int length = taps * up % 2 == 1 ? taps * up : taps * up - 1;
        int center = (length - 1) / 2;
        double beta = KaiserWindow.Beta(quality.StopbandAttenuationDb);
        var h = new double[taps * up];
        double sum = 0;
        for (int n = 0; n < length; n++)
        {
            double x = n - center;
            h[n] = 2 * cutoff * Sinc(2 * cutoff * x) * KaiserWindow.Value(beta, x / center);
            sum += h[n];
        }

        // DC gain L on the zero-stuffed signal = unity gain on the input.
        var coefficients = new float[taps * up];
        for (int p = 0; p < up; p++)
            for (int k = 0; k < taps; k++)
                coefficients[p * taps + (taps - 1 - k)] = (float)(h[p + k * up] * up / sum);
        return new PolyphaseFilter(up, down, taps, center, coefficients);
    }

    static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    internal static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
