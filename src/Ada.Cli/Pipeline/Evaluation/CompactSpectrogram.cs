using Ada.Audio;
using Ada.Plots;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Spectrogram PNGs sized for the repository: 0–4 kHz (where piano pitches live), at most 200 coarse frames, 800 × 400 (about 60–140 KB).</summary>
public static class CompactSpectrogram
{
    const int Rate = 16000;
    const int PlotRate = 8000;
    const int FftSize = 256;
    const int MaxFrames = 200;

    /// <summary>Plots 16 kHz <paramref name="samples"/> to <paramref name="png"/>.</summary>
    public static void Save(float[] samples, string png, string title)
    {
        var plotted = Resampler.Resample(samples, Rate, PlotRate);
        var stft = new StftConfig(FftSize, Math.Max(FftSize / 2, plotted.Length / MaxFrames));
        SpectrogramPlot.Save(plotted, PlotRate, png, new SpectrogramPlotOptions(800, 400, $"{title} (0–4 kHz)", stft));
    }

    /// <summary>Plots several WAV files side by side on one time axis, separated by <paramref name="gapSeconds"/> of silence.</summary>
    public static void SaveSequence(IReadOnlyList<string> wavs, string png, string title, double gapSeconds = 0.25)
    {
        var gap = new float[(int)(gapSeconds * Rate)];
        var joined = wavs.SelectMany((w, i) => (i == 0 ? [] : gap).Concat(AudioFile.ReadMono(w, Rate))).ToArray();
        Save(joined, png, title);
    }
}
