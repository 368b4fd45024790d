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
        var command = new Command("plot", "Write a spectrogram + waveform PNG of an audio file.") { input, output };
        command.SetAction(parse =>
        {
            var audio = parse.GetValue(input)!;
            var png = parse.GetValue(output) ?? Path.ChangeExtension(audio, ".png");
            var spectrogram = SpectrogramPlot.SaveFromFile(audio, png);
            AnsiConsole.MarkupLineInterpolated($"wrote {png} ({spectrogram.FrameCount} frames, peak {spectrogram.PeakDb:F1} dB)");
            return 0;
        });
        return command;
    }
}
