using Ada.Audio;
using ScottPlot;
using SkiaSharp;

namespace Ada.Plots;

/// <summary>Two-panel PNG of a mono signal: waveform envelope on top, dB spectrogram with colour bar below, on one shared time axis.</summary>
public static class SpectrogramPlot
{
    // Both panels get the same fixed side margins so their data areas line up in time; the right margin holds the colour bar.
    const float Left = 80, Right = 110;

    /// <summary>Plots <paramref name="samples"/> (T,) at <paramref name="sampleRate"/> to <paramref name="pngPath"/> and returns the spectrogram it drew.</summary>
    public static Spectrogram Save(ReadOnlySpan<float> samples, int sampleRate, string pngPath, SpectrogramPlotOptions? options = null)
    {
        options ??= new SpectrogramPlotOptions();
        if (!(options.WaveformShare is > 0 and < 1))
            throw new ArgumentException($"SpectrogramPlotOptions.WaveformShare must be in (0, 1), got {options.WaveformShare}");
        var spectrogram = Spectrogram.Compute(samples, sampleRate, options.Stft);
        int columns = Math.Max(1, options.Width - (int)(Left + Right));
        var envelope = WaveformEnvelope.Compute(samples, sampleRate, columns);
        double duration = Math.Max(samples.Length, 1) / (double)sampleRate;

        var waveform = WaveformPanel(envelope, duration, options.Title);
        var heatmap = SpectrogramPanel(spectrogram, sampleRate, duration);
        int split = Math.Clamp((int)Math.Round(options.Height * options.WaveformShare), 1, options.Height - 1);
        Figure.Save(pngPath, options.Width, options.Height,
            (waveform, new SKRectI(0, 0, options.Width, split)),
            (heatmap, new SKRectI(0, split, options.Width, options.Height)));
        return spectrogram;
    }

    /// <summary>Reads a WAV, Ogg Vorbis or MP3 file, averages its channels and plots it at its own sample rate; the title defaults to the file name.</summary>
    public static Spectrogram SaveFromFile(string audioPath, string pngPath, SpectrogramPlotOptions? options = null)
    {
        var mono = AudioFile.Read(audioPath).ToMono();
        options ??= new SpectrogramPlotOptions();
        options = options with { Title = options.Title ?? Path.GetFileName(audioPath) };
        return Save(mono.Samples, mono.SampleRate, pngPath, options);
    }

    static Plot WaveformPanel(WaveformEnvelope envelope, double duration, string? title)
    {
        var plot = NewPanel(duration, "amplitude", new PixelPadding(Left, Right, bottom: 25, top: title is null ? 10 : 35));
        var band = plot.Add.FillY(envelope.Times, envelope.Min, envelope.Max);
        band.FillColor = Colors.SteelBlue;
        band.LineColor = Colors.SteelBlue;
        double peak = Math.Max(1e-6, Math.Max(envelope.Max.Max(), -envelope.Min.Min())); // a silent signal still gets a y range
        plot.Axes.SetLimitsY(-peak * 1.05, peak * 1.05);
        if (title is not null)
            plot.Title(title);
        return plot;
    }

    static Plot SpectrogramPanel(Spectrogram spectrogram, int sampleRate, double duration)
    {
        var plot = NewPanel(duration, "frequency (Hz)", new PixelPadding(Left, Right, bottom: 45, top: 10));
        int frames = spectrogram.FrameCount, bins = spectrogram.BinCount;
        var intensities = new double[bins, frames]; // (F, T), row 0 drawn on top, so highest frequency first
        for (int k = 0; k < bins; k++)
            for (int t = 0; t < frames; t++)
                intensities[bins - 1 - k, t] = spectrogram.Db[t, k];

        double halfHop = spectrogram.Config.HopSize / 2.0 / sampleRate;
        double halfBin = sampleRate / 2.0 / spectrogram.Config.FftSize;
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Magma();
        heatmap.ManualRange = new ScottPlot.Range(spectrogram.FloorDb, spectrogram.PeakDb);
        heatmap.Rectangle = new CoordinateRect(
            spectrogram.Times[0] - halfHop, spectrogram.Times[^1] + halfHop,
            -halfBin, spectrogram.Frequencies[^1] + halfBin);
        plot.Add.ColorBar(heatmap).Label = "dB";
        plot.Axes.SetLimitsY(0, spectrogram.Frequencies[^1]);
        plot.XLabel("time (s)");
        return plot;
    }

    static Plot NewPanel(double duration, string yLabel, PixelPadding padding)
    {
        var plot = Figure.NewPlot();
        plot.Layout.Fixed(padding);
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsX(0, duration);
        return plot;
    }
}
