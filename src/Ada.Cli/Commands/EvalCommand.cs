using System.CommandLine;
using Ada.Cli.Pipeline;
using Ada.Cli.Pipeline.Evaluation;
using Ada.Data;
using Ada.Models;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada eval level|longrange|precision|report`: held-out scores of trained levels, long-range statistics of generated audio, the sampler's weight precisions, and docs/EVALUATION.md.</summary>
public static class EvalCommand
{
    /// <summary>Builds the `eval` verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate trained models and write the evaluation report (one thread by default: the machine is shared).");
        command.Subcommands.Add(Level());
        command.Subcommands.Add(LongRange());
        command.Subcommands.Add(Precision());
        command.Subcommands.Add(Report());
        return command;
    }

    static Option<int> Threads() => new("--threads") { Description = "LibTorch threads", DefaultValueFactory = _ => 1 };

    static Command Level()
    {
        var targets = new Argument<string[]>("targets") { Description = "Run folders (every checkpoint, e.g. runs/eval/amae-h8-s1) or .adackpt files", Arity = ArgumentArity.OneOrMore };
        var split = new Option<DataSplit>("--split") { Description = "Held-out split", DefaultValueFactory = _ => DataSplit.Validation };
        var crops = new Option<int>("--crops") { Description = "Held-out crops (a multiple of --batch)", DefaultValueFactory = _ => 64 };
        var cropLength = new Option<int>("--crop-length") { Description = "Samples per crop (of this level's signal)", DefaultValueFactory = _ => 8192 };
        var batch = new Option<int>("--batch") { Description = "Crops per forward pass", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the held-out crops and of the reconstruction's sampling", DefaultValueFactory = _ => 1 };
        var last = new Option<bool>("--last-only") { Description = "Only the newest checkpoint of a run folder" };
        var reconstruct = new Option<int>("--reconstruct-crops") { Description = "Crops to reconstruct with the newest checkpoint (0 = none)", DefaultValueFactory = _ => 2 };
        var reconstructLength = new Option<int>("--reconstruct-length") { Description = "Samples per reconstructed crop", DefaultValueFactory = _ => 32768 };
        var audio = new Option<string?>("--audio-dir") { Description = "Write the first reconstruction and its original as 16 kHz WAV here" };
        var audioSeconds = new Option<double>("--audio-seconds") { Description = "Length of those WAV excerpts", DefaultValueFactory = _ => 2 };
        var output = new Option<string>("--out") { Description = "Folder for the JSON results (<run name>.json)", DefaultValueFactory = _ => "docs/evaluation/results" };
        var threads = Threads();
        var command = new Command("level", "Held-out NLL (bits/sample), code usage and reconstruction STFT distance of level checkpoints; a run folder gives a curve over its checkpoints.")
        {
            targets, split, crops, cropLength, batch, seed, last, reconstruct, reconstructLength, audio, audioSeconds, output, threads,
        };
        command.SetAction(parse =>
        {
            UseThreads(parse.GetValue(threads));
            var options = new LevelEvalOptions(parse.GetValue(split), parse.GetValue(crops), parse.GetValue(cropLength), parse.GetValue(batch), parse.GetValue(seed),
                !parse.GetValue(last), parse.GetValue(reconstruct), parse.GetValue(reconstructLength), parse.GetValue(audio), parse.GetValue(audioSeconds));
            var line = CommandLine(parse);
            var table = new Table().AddColumns("run", "step", "training", "held-out NLL (bits)", "perplexity / k", "codes used", "STFT SC / log-mag", "file");
            foreach (var target in parse.GetValue(targets)!)
            {
                var path = CachePaths.Locate(target);
                var result = EvalProgress.Run(report => LevelEvaluator.Evaluate(path, options, (done, total) => report(target, done, total))) with { Command = line };
                var file = Path.Combine(parse.GetValue(output)!, $"{result.Name}.json");
                EvalFiles.Write(file, result);
                var f = result.Final;
                table.AddRow(Markup.Escape(result.Name), $"{f.Step:N0}", ReportWriter.Minutes(f.TrainingSeconds), $"{f.NllBits:F3}", Stat.Format(f.PerplexityRatio, "P1"),
                    Stat.Format(f.FractionUsed, "P0"), ReportWriter.Stft(f.Reconstruction), Markup.Escape(file));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    static Command LongRange()
    {
        var models = new Option<string[]>("--model") { Description = "Model folders or model.json files (e.g. models/default-piano)", AllowMultipleArgumentsPerToken = true };
        var real = new Option<string?>("--real") { Description = "Dataset whose test split supplies real clips (e.g. data/piano)" };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 25, Description = "Clip length" };
        var segment = new Option<double>("--segment") { DefaultValueFactory = _ => 5, Description = "Length of the first and last segments compared" };
        var samples = new Option<int>("--samples") { DefaultValueFactory = _ => 4, Description = "Clips per model" };
        var realPieces = new Option<int>("--real-pieces") { DefaultValueFactory = _ => 8, Description = "Real clips" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var temperature = new Option<float>("--temperature") { DefaultValueFactory = _ => 1f, Description = "Sampling temperature of every level" };
        var media = new Option<string>("--media") { DefaultValueFactory = _ => "docs/evaluation", Description = "Folder for spectrogram PNGs (and audio/ excerpts)" };
        var audioSeconds = new Option<double>("--audio-seconds") { DefaultValueFactory = _ => 4, Description = "Length of each model's WAV excerpt" };
        var output = new Option<string>("--out") { DefaultValueFactory = _ => "docs/evaluation/results/" + ReportInputs.LongRangeFile, Description = "JSON result" };
        var command = new Command("longrange", "Generate long unconditional clips per model and compare chroma and loudness of their first and last segments, against real pieces.")
        {
            models, real, seconds, segment, samples, realPieces, seed, temperature, media, audioSeconds, output,
        };
        command.SetAction(parse =>
        {
            var paths = (parse.GetValue(models) ?? []).Select(CachePaths.Locate).Select(m => Directory.Exists(m) ? Path.Combine(m, "model.json") : m).ToList();
            var options = new LongRangeOptions(parse.GetValue(seconds), parse.GetValue(segment), parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(temperature),
                parse.GetValue(realPieces), parse.GetValue(media)!, parse.GetValue(audioSeconds));
            var result = EvalProgress.Run(report => LongRangeEvaluator.Evaluate(paths, parse.GetValue(real), options, report)) with { Command = CommandLine(parse) };
            EvalFiles.Write(parse.GetValue(output)!, result);
            var table = new Table().AddColumns("source", "clips", "chroma corr. first↔last", "chance", "|Δ level| dB", "real-time factor");
            foreach (var s in result.Sources)
                table.AddRow(Markup.Escape(s.Name), $"{s.Clips.Count}", $"{s.Clips.Average(c => c.ChromaCorrelation):F2}", $"{s.ChanceCorrelation:F2}",
                    $"{s.Clips.Average(c => Math.Abs(c.LoudnessChangeDb)):F1}", Stat.Format(s.RealTimeFactor, "F2"));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"wrote {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    static Command Precision()
    {
        var checkpoint = new Argument<string>("checkpoint") { Description = "Level checkpoint with its run config (e.g. models/default-piano/level1-ada-amae.adackpt)" };
        var split = new Option<DataSplit>("--split") { Description = "Held-out split", DefaultValueFactory = _ => DataSplit.Validation };
        var crops = new Option<int>("--crops") { Description = "Held-out crops, stepped as one batch of streams", DefaultValueFactory = _ => 8 };
        var cropLength = new Option<int>("--crop-length") { Description = "Samples per crop (of this level's signal)", DefaultValueFactory = _ => 8192 };
        var seed = new Option<int>("--seed") { Description = "Seed of the held-out crops", DefaultValueFactory = _ => 1 };
        var threads = Threads();
        var command = new Command("precision",
            "Held-out NLL (bits/sample) of a level teacher-forced through the fast CPU sampler with fp32 and with bf16 weights, beside the training graph's NLL of the same crops.")
        {
            checkpoint, split, crops, cropLength, seed, threads,
        };
        command.SetAction(parse =>
        {
            UseThreads(parse.GetValue(threads));
            var rows = PrecisionEvaluator.Evaluate(CachePaths.Locate(parse.GetValue(checkpoint)!), parse.GetValue(split), parse.GetValue(crops), parse.GetValue(cropLength), parse.GetValue(seed));
            var table = new Table().AddColumns("scored by", "held-out NLL (bits/sample)", "Δ vs fast fp32");
            var fp32 = rows.First(r => r.Precision == Ada.Inference.Kernels.WeightPrecision.Float32).NllBits;
            foreach (var row in rows) table.AddRow(Markup.Escape(row.Scorer), $"{row.NllBits:F5}", row.Precision is null ? "" : $"{row.NllBits - fp32:+0.00000;-0.00000;0}");
            AnsiConsole.MarkupLineInterpolated($"{parse.GetValue(crops)} crops × {parse.GetValue(cropLength)} samples of the {parse.GetValue(split)} split, seed {parse.GetValue(seed)}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    static Command Report()
    {
        var results = new Option<string>("--results") { DefaultValueFactory = _ => "docs/evaluation/results", Description = "Folder of JSON results (longrange.json + one file per level run)" };
        var output = new Option<string>("--out") { DefaultValueFactory = _ => "docs/EVALUATION.md", Description = "Markdown report" };
        var media = new Option<string>("--media") { DefaultValueFactory = _ => "docs/evaluation", Description = "Folder for the report's PNG figures" };
        var notes = new Option<string?>("--notes") { Description = "Hand-written interpretation (markdown) to include" };
        var command = new Command("report", "Write the evaluation report (markdown tables + PNG curves) from the JSON results.") { results, output, media, notes };
        command.SetAction(parse =>
        {
            var inputs = ReportInputs.Load(parse.GetValue(results)!, parse.GetValue(notes), CommandLine(parse));
            var doc = ReportWriter.Write(inputs, parse.GetValue(output)!, parse.GetValue(media)!);
            AnsiConsole.MarkupLineInterpolated($"wrote {parse.GetValue(output)} ({inputs.Levels.Count} level results, {doc.Written.Count} figures)");
            return 0;
        });
        return command;
    }

    /// <summary>Evaluation shares the machine with training: a fixed, small thread count keeps it polite and its timings comparable.</summary>
    static void UseThreads(int threads)
    {
        if (threads < 1) throw new ArgumentException($"--threads must be ≥ 1, got {threads}");
        TorchRuntime.EnsureLoaded();
        TorchSharp.torch.set_num_threads(threads);
    }

    /// <summary>The command as typed, for the report's "Reproduce" section.</summary>
    static string CommandLine(ParseResult parse) => "ada " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ') ? $"\"{t.Value}\"" : t.Value));
}
