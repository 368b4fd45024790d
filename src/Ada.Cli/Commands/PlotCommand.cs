using System.CommandLine;
using Ada.Plots;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada plot &lt;audio | run folder&gt;`: a spectrogram + waveform PNG, to look before listening, or a training run's curves.</summary>
public static class PlotCommand
{
    /// <summary>Builds the `plot` verb.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "WAV, OGG or MP3 file, or a training run folder (train.csv, heldout.csv)" };
        var output = new Option<string?>("--out") { Description = "PNG path (default: beside the audio; for a run, <run>/nll.png and <run>/usage.png)" };
        var width = new Option<int>("--width") { Description = "Image width in pixels (200..4000)", DefaultValueFactory = _ => 1200 };
        var height = new Option<int>("--height") { Description = "Image height in pixels (150..3000)", DefaultValueFactory = _ => 800 };
        var command = new Command("plot", "Write a spectrogram + waveform PNG of an audio file, or the NLL and code-usage curves of a training run.") { input, output, width, height };
        command.SetAction(parse =>
        {
            var audio = parse.GetValue(input)!;
            var (w, h) = (parse.GetValue(width), parse.GetValue(height));
            if (w is < 200 or > 4000 || h is < 150 or > 3000)
                throw new ArgumentException($"plot size {w}×{h} is outside 200..4000 × 150..3000 pixels");
            if (Directory.Exists(audio))
            {
                foreach (var written in RunCurves(audio, parse.GetValue(output), new CurvePlotOptions(w, h)))
                    AnsiConsole.MarkupLineInterpolated($"wrote {written}");
                return 0;
            }
            var png = parse.GetValue(output) ?? Path.ChangeExtension(audio, ".png");
            var spectrogram = SpectrogramPlot.SaveFromFile(audio, png, new SpectrogramPlotOptions(w, h));
            AnsiConsole.MarkupLineInterpolated($"wrote {png} ({spectrogram.FrameCount} frames, peak {spectrogram.PeakDb:F1} dB)");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// nll.png (training NLL per logged batch, and held-out NLL when the run evaluated one) and, for ADA runs, usage.png
    /// (code perplexity / k and fraction of codes used); <paramref name="nllPng"/> overrides the first path.
    /// </summary>
    static IEnumerable<string> RunCurves(string run, string? nllPng, CurvePlotOptions options)
    {
        var train = Path.Combine(run, "train.csv");
        if (!File.Exists(train)) throw new FileNotFoundException($"{run}: no train.csv (is this a run folder from `ada train`?)", train);
        var heldOut = Path.Combine(run, "heldout.csv");
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(run)));
        var nll = nllPng ?? Path.Combine(run, "nll.png");
        var series = new List<(string, string, string)> { ("train (per batch)", train, "nll_bits") };
        if (File.Exists(heldOut)) series.Add(("held-out", heldOut, "nll_bits"));
        CurvePlot.FromCsv(series, $"{name}: NLL", "bits per sample", nll, options);
        yield return nll;
        if (File.ReadLines(train).First().Split(',').Contains("usage_perplexity_ratio"))
        {
            var usage = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(nll))!, "usage.png");
            CurvePlot.FromCsv(train, ["usage_perplexity_ratio", "fraction_used"], $"{name}: code usage (per batch)", "fraction of k", usage, options);
            yield return usage;
        }
    }
}
