using System.Numerics;
using Ada.Plots;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// 12-bin pitch-class profile (C = 0 … B = 11) of a mono signal. Each Hann-windowed frame's power spectrum is averaged into
/// semitone bands from C3 to B6; each band counts log(1 + its power / the mean power of the bands within ±6 semitones), a
/// peak-to-background ratio (the background floored 60 dB below the frame's loudest region). Broadband noise thus gives a flat
/// profile whatever its spectral tilt, tonal peaks make their pitch classes stand out, and the log keeps one clean note from
/// outweighing every other frame.
/// </summary>
public static class Chroma
{
    /// <summary>Pitch-class names, index 0 = C.</summary>
    public static readonly IReadOnlyList<string> Names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    // 4096 points at 16 kHz = 3.9 Hz per bin: at C3 (131 Hz) a semitone is 7.8 Hz, two bins; lower notes would get
    // zero or one bin, so the profile starts at C3 (bass notes still count through their harmonics).
    const int FftSize = 4096;
    const int LowNote = 48;    // C3
    const int HighNote = 95;   // B6, 1976 Hz: four bands per pitch class; above it the spectrum is mostly harmonics and noise
    const int Neighbourhood = 6;
    const double FloorRatio = 1e-6;   // 60 dB
    const int FirstBandNote = LowNote - Neighbourhood;

    /// <summary>Normalised chroma (12,), summing to 1; a silent signal gives the flat profile 1/12.</summary>
    public static double[] Of(ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var bands = Bands(sampleRate);
        var window = Enumerable.Range(0, FftSize).Select(i => 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / FftSize)).ToArray();
        var fft = new Fft(FftSize);
        var buffer = new Complex[FftSize];
        var power = new double[bands.Length];
        var local = new double[bands.Length];
        var chroma = new double[12];
        for (int start = 0; start == 0 || start + FftSize <= samples.Length; start += FftSize / 2)
        {
            for (int i = 0; i < FftSize; i++) buffer[i] = start + i < samples.Length ? samples[start + i] * window[i] : 0;
            fft.Forward(buffer);
            BandPowers(buffer, bands, power);
            LocalMeans(power, local);
            // bands far below the frame's loudest region (numerical leakage, dither) must not count as tonal content
            double floor = local.Max() * FloorRatio;
            if (floor <= 0) continue;
            for (int n = Neighbourhood; n < bands.Length - Neighbourhood; n++) chroma[(FirstBandNote + n) % 12] += Math.Log(1 + power[n] / Math.Max(local[n], floor));
        }
        double total = chroma.Sum();
        return total > 0 ? chroma.Select(c => c / total).ToArray() : Enumerable.Repeat(1.0 / 12, 12).ToArray();
    }

    /// <summary>Mean power of the FFT bins in each band, so wide and narrow bands are comparable.</summary>
    static void BandPowers(Complex[] spectrum, (int First, int Last)[] bands, double[] power)
    {
        for (int n = 0; n < bands.Length; n++)
        {
            double sum = 0;
            for (int k = bands[n].First; k <= bands[n].Last; k++) sum += spectrum[k].Real * spectrum[k].Real + spectrum[k].Imaginary * spectrum[k].Imaginary;
            power[n] = sum / (bands[n].Last - bands[n].First + 1);
        }
    }

    /// <summary>
    /// Mean power of the bands within ±<see cref="Neighbourhood"/> semitones, the band itself left out: the spectral envelope a tonal
    /// peak stands out from. Leaving the band out and keeping the window symmetric (bands reach 6 semitones past C3 and B6) keeps
    /// noise from favouring any pitch class: neither a band's bin count nor the spectral tilt at the edges biases its ratio.
    /// </summary>
    static void LocalMeans(double[] power, double[] local)
    {
        for (int n = Neighbourhood; n < power.Length - Neighbourhood; n++)
        {
            double sum = 0;
            for (int m = n - Neighbourhood; m <= n + Neighbourhood; m++) sum += m == n ? 0 : power[m];
            local[n] = sum / (2 * Neighbourhood);
        }
    }

    /// <summary>Pearson correlation of two profiles: 1 = same shape (same key/harmony), about 0 = unrelated; 0 when either is flat.</summary>
    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"profiles differ in length ({a.Count} vs {b.Count})");
        double ma = a.Average(), mb = b.Average(), ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
    }

    /// <summary>Entropy of a profile in bits: log2 12 ≈ 3.58 for a flat (noise-like) profile, lower when a few pitch classes dominate.</summary>
    public static double EntropyBits(IReadOnlyList<double> profile) => -profile.Where(p => p > 0).Sum(p => p * Math.Log2(p));

    /// <summary>FFT bin range [first, last] of each semitone band from F#2 to F7 (C3…B6 plus the neighbourhood; edges a quarter tone either side of the note).</summary>
    static (int First, int Last)[] Bands(int sampleRate)
    {
        double BinOf(double note) => 440 * Math.Pow(2, (note - 69) / 12) * FftSize / sampleRate;
        var bands = new (int, int)[HighNote - LowNote + 1 + 2 * Neighbourhood];
        for (int n = 0; n < bands.Length; n++)
        {
            int note = FirstBandNote + n;
            int first = (int)Math.Ceiling(BinOf(note - 0.5)), last = (int)Math.Floor(BinOf(note + 0.5) - 1e-9);
            if (last < first || last > FftSize / 2)
                throw new ArgumentException($"sample rate {sampleRate} Hz cannot resolve the semitone band of MIDI note {note} with a {FftSize}-point FFT");
            bands[n] = (first, last);
        }
        return bands;
    }
}
