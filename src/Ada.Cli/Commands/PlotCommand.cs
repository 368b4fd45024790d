using System.CommandLine;
using Ada.Plots;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada plot &lt;audio&gt;`: a spectrogram + waveform PNG, to look before listening.</summary>
public static class PlotCommand
{
    /// <summary>Builds the `plot` verb.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("audio") { Description = "WAV, OGG or MP3 file" };
        var output = new Option<string?>("--out") { Description = "PNG path (default: beside the input)" };
        var width = new Option<int>("--width") { Description = "Image width in pixels (200..4000)", DefaultValueFactory = _ => 1200 };
        var height = new Option<int>("--height") { Description = "Image height in pixels (150..3000)", DefaultValueFactory = _ => 800 };
        var command = new Command("plot", "Write a spectrogram + waveform PNG of an audio file.") { input, output, width, height };
        command.SetAction(parse =>
        {
            var audio = parse.GetValue(input)!;
            var png = parse.GetValue(output) ?? Path.ChangeExtension(audio, ".png");
            var (w, h) = (parse.GetValue(width), parse.GetValue(height));
            if (w is < 200 or > 4000 || h is < 150 or > 3000)
                throw new ArgumentException($"plot size {w}×{h} is outside 200..4000 × 150..3000 pixels");
            var spectrogram = SpectrogramPlot.SaveFromFile(audio, png, new SpectrogramPlotOptions(w, h));
            AnsiConsole.MarkupLineInterpolated($"wrote {png} ({spectrogram.FrameCount} frames, peak {spectrogram.PeakDb:F1} dB)");
            return 0;
        });
        return command;
    }
}
