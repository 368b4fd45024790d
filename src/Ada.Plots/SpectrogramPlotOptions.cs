namespace Ada.Plots;

/// <summary>Image size in pixels, an optional title and optional STFT settings (default: chosen from the signal length) for <see cref="SpectrogramPlot"/>.</summary>
public sealed record SpectrogramPlotOptions(int Width = 1200, int Height = 800, string? Title = null, StftConfig? Stft = null)
{
    /// <summary>Share of the height given to the waveform panel; the spectrogram gets the rest.</summary>
    public double WaveformShare { get; init; } = 0.3;
}
