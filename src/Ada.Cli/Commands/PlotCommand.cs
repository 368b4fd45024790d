using System.CommandLine;
using Ada.Cli.Pipeline;
using Ada.Plots;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada plot &lt;audio | run folder…&gt;`: a spectrogram + waveform PNG, to look before listening, a training run's curves, or several runs' held-out NLL on one chart.</summary>
public static class PlotCommand
{
    /// <summary>Builds the `plot` verb.</summary>
    public static Command Create()
    {
        var input = new Argument<string[]>("input")
        {
            Description = "WAV, OGG or MP3 file, or a training run folder (train.csv, heldout.csv; runs/x is looked up in the cache as ada train writes it), or several run folders to compare their held-out NLL",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "PNG path (default: beside the audio; for a run, <run>/nll.png and <run>/usage.png; required for several runs)" };
        var width = new Option<int>("--width") { Description = "Image width in pixels (200..4000)", DefaultValueFactory = _ => 1200 };
        var height = new Option<int>("--height") { Description = "Image height in pixels (150..3000)", DefaultValueFactory = _ => 800 };
        var command = new Command("plot", "Write a spectrogram + waveform PNG of an audio file, the NLL and code-usage curves of a training run, or the held-out NLL of several runs.") { input, output, width, height };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(input)!.Select(RunInCache).ToArray();
            var (w, h) = (parse.GetValue(width), parse.GetValue(height));
            if (w is < 200 or > 4000 || h is < 150 or > 3000)
                throw new ArgumentException($"plot size {w}×{h} is outside 200..4000 × 150..3000 pixels");
            if (inputs.Length > 1)
            {
                var chart = parse.GetValue(output) ?? throw new ArgumentException("plotting several runs needs --out <file.png>");
                HeldOutComparison(inputs, chart, new CurvePlotOptions(w, h));
                AnsiConsole.MarkupLineInterpolated($"wrote {chart}");
                return 0;
            }
            var audio = inputs[0];
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
    /// A path that is not there as typed but names a run folder in the cache (runs/x, as ada train writes it) becomes that
    /// folder; anything else stays as typed, so a missing audio file is reported by the name the user gave.
    /// </summary>
    static string RunInCache(string path)
    {
        var located = CachePaths.Locate(path);
        return Directory.Exists(located) ? located : path;
    }

    /// <summary>The held-out NLL curve (heldout.csv) of every run on one chart, labelled by run folder name.</summary>
    static void HeldOutComparison(IEnumerable<string> runs, string png, CurvePlotOptions options)
    {
        var series = runs.Select(run =>
        {
            var heldOut = Path.Combine(run, "heldout.csv");
            if (!File.Exists(heldOut)) throw new FileNotFoundException($"{run}: no heldout.csv (train with training.evalInterval to record one)", heldOut);
            return (RunName(run), heldOut, "nll_bits");
        }).ToList();
        CurvePlot.FromCsv(series, "held-out NLL", "bits per token", png, options);
    }

    static string RunName(string run) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(run)));

    /// <summary>
    /// nll.png (training NLL per logged batch, and held-out NLL when the run evaluated one) and, for ADA runs, usage.png
    /// (code perplexity / k and fraction of codes used); <paramref name="nllPng"/> overrides the first path.
    /// </summary>
    static IEnumerable<string> RunCurves(string run, string? nllPng, CurvePlotOptions options)
    {
        var train = Path.Combine(run, "train.csv");
        if (!File.Exists(train)) throw new FileNotFoundException($"{run}: no train.csv (is this a run folder from `ada train`?)", train);
        var heldOut = Path.Combine(run, "heldout.csv");
        var name = RunName(run);
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
