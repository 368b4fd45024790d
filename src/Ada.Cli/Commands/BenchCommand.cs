using System.CommandLine;
using System.Diagnostics;
using Ada.Inference;
using Ada.Inference.Kernels;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada bench`: throughput measurements that belong in reports, never in unit tests.</summary>
public static class BenchCommand
{
    /// <summary>Builds the `bench` verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Measure throughput (results are for reports; the machine is noisy, compare ratios from one run).");
        command.Subcommands.Add(Sampler());
        command.Subcommands.Add(Train());
        return command;
    }

    static Command Sampler()
    {
        var layers = new Option<int>("--layers") { DefaultValueFactory = _ => 30, Description = "Dilated layers" };
        var cycle = new Option<int>("--cycle") { DefaultValueFactory = _ => 10, Description = "Dilation cycle" };
        var residual = new Option<int>("--residual") { DefaultValueFactory = _ => 64 };
        var gate = new Option<int>("--gate") { DefaultValueFactory = _ => 64, Description = "Channels per gate half (the conv outputs 2×)" };
        var skip = new Option<int>("--skip") { DefaultValueFactory = _ => 128 };
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 3, Description = "Seconds to run each case" };
        var batches = new Option<int[]>("--batch") { DefaultValueFactory = _ => new[] { 1, 4, 8 }, AllowMultipleArgumentsPerToken = true };
        var pytorch = new Option<string?>("--pytorch") { Description = "Also run benchmarks/pytorch/wavenet_incremental_bench.py with this python (e.g. /usr/bin/python3 with Debian's python3-torch) and print the speed-up" };
        var command = new Command("sampler", "Samples/s of the fast incremental WaveNet (random weights of the given size), one thread, per kernel path and batch.")
        {
            layers, cycle, residual, gate, skip, seconds, batches, pytorch,
        };
        command.SetAction(parse =>
        {
            var spec = new WaveNetSpec(256, parse.GetValue(residual), parse.GetValue(gate), parse.GetValue(skip),
                parse.GetValue(layers), parse.GetValue(cycle), CondClasses: 64, Hop: 8, PadClass: 128);
            var weights = WaveNetWeights.Random(spec, seed: 1);
            var baseline = parse.GetValue(pytorch) is { } python ? PyTorchBaseline(python, spec, parse.GetValue(seconds), parse.GetValue(batches)!) : null;
            var table = new Table().AddColumns("kernels", "streams", "samples/s (all streams)", "RTF per stream @16 kHz", "GFLOP/s", "× PyTorch");
            foreach (var path in Enum.GetValues<KernelPath>().Where(KernelPaths.IsSupported).Reverse())
            {
                var net = new FastWaveNet(weights, path);
                foreach (int batch in parse.GetValue(batches)!)
                {
                    double rate = Measure(net, batch, parse.GetValue(seconds));
                    double gflops = rate * spec.MultiplyAddsPerStep * 2 / 1e9;
                    var speedUp = baseline != null && baseline.TryGetValue(batch, out var torchRate) ? $"{rate / torchRate:F1}× ({torchRate:N0}/s)" : "";
                    table.AddRow(path.ToString(), batch.ToString(), $"{rate:N0}", $"{rate / batch / 16000:F2}", $"{gflops:F1}", speedUp);
                }
            }
            AnsiConsole.MarkupLineInterpolated($"WaveNet {spec.Layers} layers, R={spec.Residual} G={spec.Gate} S={spec.Skip}, {spec.MultiplyAddsPerStep:N0} multiply-adds per sample");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>Runs the PyTorch incremental loop on the same shapes (one thread) and returns samples/s per batch size.</summary>
    static Dictionary<int, double> PyTorchBaseline(string python, WaveNetSpec spec, double seconds, int[] batches)
    {
        using var json = RunPython(python, "wavenet_incremental_bench.py", new[] { "--layers", $"{spec.Layers}", "--cycle", $"{spec.DilationCycle}",
            "--residual", $"{spec.Residual}", "--gate", $"{spec.Gate}", "--skip", $"{spec.Skip}", "--seconds", $"{seconds}", "--batch" }
            .Concat(batches.Select(b => $"{b}")));
        return json.RootElement.GetProperty("samples_per_second").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name["batch".Length..]), p => p.Value.GetDouble());
    }

    /// <summary>Runs benchmarks/pytorch/<paramref name="script"/> and parses the one JSON line it prints.</summary>
    static System.Text.Json.JsonDocument RunPython(string python, string script, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "benchmarks", "pytorch", script));
        foreach (var arg in arguments) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {python}");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"PyTorch baseline {script} failed: {errors.Trim()}");
        return System.Text.Json.JsonDocument.Parse(output);
    }

    static Command Train()
    {
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2 };
        var steps = new Option<int>("--steps") { DefaultValueFactory = _ => 10 };
        var pytorch = new Option<string?>("--pytorch") { Description = "Also run benchmarks/pytorch/wavenet_train_bench.py with this python and print the ratio" };
        var command = new Command("train", "Training throughput of the reference decoder (30 layers, R=64, G=64, S=128, batch 4 × 8000) in TorchSharp, optionally against PyTorch.")
        {
            threads, steps, pytorch,
        };
        command.SetAction(parse =>
        {
            var ours = Ada.Models.TrainingBenchmark.Measure(threads: parse.GetValue(threads), steps: parse.GetValue(steps));
            var table = new Table().AddColumns("framework", "samples/s", "samples per CPU-second");
            table.AddRow("TorchSharp " + Ada.Models.TorchRuntime.TorchSharpVersion, $"{ours.SamplesPerSecond:N0}", $"{ours.SamplesPerCpuSecond:N0}");
            if (parse.GetValue(pytorch) is { } python)
            {
                using var json = RunPython(python, "wavenet_train_bench.py", new[] { "--threads", $"{parse.GetValue(threads)}", "--steps", $"{parse.GetValue(steps)}" });
                var theirs = json.RootElement;
                double rate = theirs.GetProperty("samples_per_second").GetDouble(), cpuRate = theirs.GetProperty("samples_per_cpu_second").GetDouble();
                table.AddRow(theirs.GetProperty("framework").GetString()!, $"{rate:N0}", $"{cpuRate:N0}");
                table.AddRow("ratio", $"{ours.SamplesPerSecond / rate:F2}×", $"{ours.SamplesPerCpuSecond / cpuRate:F2}×");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    static double Measure(FastWaveNet net, int batch, double seconds)
    {
        var state = net.CreateState(batch);
        var previous = new int[batch];
        var codes = new int[batch];
        var logits = new float[batch * net.Spec.Classes];
        var scratch = new float[net.Spec.Classes];
        long steps = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 256; i++, steps++)
            {
                net.Step(state, previous, codes, logits);
                for (int b = 0; b < batch; b++)
                {
                    previous[b] = CategoricalSampler.Sample(logits.AsSpan(b * net.Spec.Classes, net.Spec.Classes), 1f, CounterRng.Uniform(1, (ulong)b, (ulong)steps), scratch);
                    codes[b] = (int)(steps / 8 % 64);
                }
            }
        }
        return steps * batch / clock.Elapsed.TotalSeconds;
    }
}
