using System.CommandLine;
using System.Diagnostics;
using Ada.Inference;
using System.Runtime.Intrinsics;
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
        command.Subcommands.Add(Service());
        return command;
    }

    static Command Service()
    {
        var preset = new Option<string>("--preset") { Description = "Preset every client plays (name in the presets folder, or a file)", DefaultValueFactory = _ => "piano-sketch" };
        var presets = new Option<string?>("--presets") { Description = "Presets folder (default: the repository's presets/)" };
        var clients = new Option<int>("--max-clients") { Description = "Trials with 1, 2, … clients up to this many (stops at the first underrun)", DefaultValueFactory = _ => 8 };
        var seconds = new Option<double>("--seconds") { Description = "Wall-clock seconds each trial plays", DefaultValueFactory = _ => 10 };
        var workers = new Option<int?>("--workers") { Description = "Generation threads (default: one per core)" };
        var device = SamplerOption.Create();
        var command = new Command("service", "Real-time clients one generator service sustains: each client plays its own variation of a preset from its ring, block by block on the wall clock, with no cache.")
        {
            preset, presets, clients, seconds, workers, device,
        };
        command.SetAction(parse =>
        {
            using var models = new Ada.Service.Models.PresetModelSource(parse.GetValue(presets) ?? Path.Combine(RepoPaths.Root, "presets"),
                device: Ada.Models.SamplerDevice.Parse(parse.GetValue(device)!));
            var service = new Ada.Service.ServiceOptions { RingTargetDepth = TimeSpan.FromMilliseconds(500) };
            var options = new Ada.Service.Benchmarks.RealtimeBenchmarkOptions(models, parse.GetValue(preset)!)
            {
                Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                MaxClients = parse.GetValue(clients),
                Service = service with { Workers = parse.GetValue(workers) ?? service.Workers },
            };
            AnsiConsole.MarkupLineInterpolated($"service on {models.Device}, {options.Service.Workers} worker(s), preset {options.Preset}, {options.HostRate} Hz blocks of {options.BlockFrames}");
            var result = Ada.Service.Benchmarks.RealtimeBenchmark.Run(options, line => AnsiConsole.WriteLine(line));
            AnsiConsole.MarkupLineInterpolated($"[bold]{result.SustainedClients}[/] real-time client(s) sustained on {result.Device}");
            return 0;
        });
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
        var torchSharp = new Option<bool>("--torchsharp") { Description = "Also step the same weights through TorchSharp (TorchFastWaveNet; one thread on the CPU) and print the speed-up" };
        var torchDevice = new Option<string>("--torch-device") { Description = "Device of the --torchsharp run: cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var kernels = new Option<KernelPath[]>("--kernels") { Description = "Kernel paths to measure (default: every one this CPU accelerates)", AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => Enum.GetValues<KernelPath>().Where(KernelPaths.IsSupported).Reverse().ToArray() };
        var model = new Option<string?>("--model") { Description = "Benchmark this model.json's whole hierarchy (audio samples/s) instead of one random WaveNet" };
        var precisions = new Option<WeightPrecision[]>("--precision")
        {
            Description = "Weight precisions to measure, fp32 and/or bf16 (bf16 rows get their speed relative to fp32)", AllowMultipleArgumentsPerToken = true, HelpName = "fp32|bf16",
            DefaultValueFactory = _ => [WeightPrecision.Float32], CustomParser = result => result.Tokens.Select(t => SamplerOption.ParsePrecision(result, t)).ToArray(),
        };
        var command = new Command("sampler", "Samples/s, GFLOP/s against the core's measured FMA peak, and the time split across a step's phases of the fast incremental WaveNet (random weights of the given size, or a model's hierarchy), one thread, per kernel path and batch.")
        {
            layers, cycle, residual, gate, skip, seconds, batches, pytorch, torchSharp, torchDevice, kernels, model, precisions,
        };
        command.SetAction(parse =>
        {
            double time = parse.GetValue(seconds);
            var batchSizes = parse.GetValue(batches)!;
            var device = parse.GetValue(torchSharp) ? Ada.Models.TorchRuntime.SelectDevice(parse.GetValue(torchDevice)!) : null;
            if (device != null) TorchSharp.torch.set_num_threads(1);
            var paths = parse.GetValue(kernels)!;
            var weightPrecisions = parse.GetValue(precisions)!;
            double peak = MeasurePeak();
            if (parse.GetValue(model) is { } modelPath)
            {
                if (parse.GetValue(pytorch) != null) throw new ArgumentException("--pytorch measures a random WaveNet; it cannot be combined with --model");
                BenchHierarchy(Ada.Models.ModelBundle.Load(modelPath), paths, weightPrecisions, batchSizes, time, device, peak);
                return 0;
            }
            var spec = new WaveNetSpec(256, parse.GetValue(residual), parse.GetValue(gate), parse.GetValue(skip),
                parse.GetValue(layers), parse.GetValue(cycle), CondClasses: 64, Hop: 8, PadClass: 128);
            var weights = WaveNetWeights.Random(spec, seed: 1);
            var baseline = parse.GetValue(pytorch) is { } python ? PyTorchBaseline(python, spec, time, batchSizes) : null;
            var torchRates = device != null ? TorchSharpRates(batchSizes, b => OnTorch([weights], device, nets => Ada.Models.SamplerBenchmark.Level(nets[0], b, time).PerSecond), device, spec.Classes, time) : null;
            var results = MeasureCases(paths, weightPrecisions, batchSizes, (path, precision) => [new FastWaveNet(weights, path, precision)], time, peak);
            AnsiConsole.MarkupLineInterpolated($"WaveNet {spec.Layers} layers, R={spec.Residual} G={spec.Gate} S={spec.Skip}, {StepFlops.Of(spec).Total:N0} FLOPs per sample ({spec.MultiplyAddsPerStep:N0} multiply-adds in the kernels)");
            Report(results, peak, ("× PyTorch", r => SpeedUp(r.SamplesPerSecond, baseline, r.Streams)), ("× TorchSharp", r => SpeedUp(r.SamplesPerSecond, torchRates, r.Streams)),
                ("× fp32 per CPU-s", r => VersusFloat32(r, results)));
            return 0;
        });
        return command;
    }

    /// <summary>Audio samples/s of a model's whole hierarchy with the fast sampler (per kernel path) and optionally TorchSharp on <paramref name="device"/>.</summary>
    static void BenchHierarchy(Ada.Models.ModelBundle model, KernelPath[] paths, WeightPrecision[] precisions, int[] batches, double seconds, TorchSharp.torch.Device? device, double peak)
    {
        var torchRates = device != null ? TorchSharpRates(batches, b => OnTorch(model.Weights, device, nets => Ada.Models.SamplerBenchmark.Hierarchy(nets, b, seconds).PerSecond), device, 256, seconds) : null;
        var results = MeasureCases(paths, precisions, batches, (path, precision) => model.Weights.Select(w => new FastWaveNet(w, path, precision)).ToArray(), seconds, peak);
        AnsiConsole.MarkupLineInterpolated($"model {model.Info.Name}: {model.Weights.Count} levels ({string.Join(", ", model.Weights.Select(w => $"L={w.Spec.Layers} R={w.Spec.Residual} G={w.Spec.Gate} S={w.Spec.Skip} Q={w.Spec.Classes} hop {w.Spec.Hop}"))}); samples are audio samples");
        Report(results, peak, ("× TorchSharp", r => SpeedUp(r.SamplesPerSecond, torchRates, r.Streams)), ("× fp32 per CPU-s", r => VersusFloat32(r, results)));
    }

    /// <summary>Every kernel path × batch × precision, the precisions of one path and batch measured back to back so their ratio sees the same machine load.</summary>
    static Ada.Models.SamplerBenchmarkResult[] MeasureCases(KernelPath[] paths, WeightPrecision[] precisions, int[] batches,
        Func<KernelPath, WeightPrecision, FastWaveNet[]> nets, double seconds, double peak) =>
        paths.SelectMany(path => batches.SelectMany(batch => precisions.Select(precision => Ada.Models.SamplerBenchmark.Measure(nets(path, precision), batch, seconds, peak))))
            .ToArray();

    /// <summary>A reduced-precision row's samples per CPU-second over the fp32 row of its kernel path and batch (CPU time: the machine is shared).</summary>
    static string VersusFloat32(Ada.Models.SamplerBenchmarkResult row, IReadOnlyList<Ada.Models.SamplerBenchmarkResult> all)
    {
        var (path, precision) = FastWaveNet.ParseBackend(row.Kernels);
        if (precision == WeightPrecision.Float32) return "";
        var fp32 = all.FirstOrDefault(r => r.Kernels == FastWaveNet.BackendName(path, WeightPrecision.Float32) && r.Streams == row.Streams);
        return fp32 is null ? "" : $"{row.SamplesPerCpuSecond / fp32.SamplesPerCpuSecond:F2}×";
    }

    /// <summary>Measures one core's FMA peak per vector width on this thread, prints it with the nominal-clock estimate, and returns the best (the core's peak).</summary>
    static double MeasurePeak()
    {
        var cpuInfo = File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "";
        var peaks = new List<(int Bits, double Gflops)>();
        if (Vector512.IsHardwareAccelerated) peaks.Add((512, Ada.Models.FmaPeak.MeasureGflops<Simd512>()));
        if (Vector256.IsHardwareAccelerated) peaks.Add((256, Ada.Models.FmaPeak.MeasureGflops<Simd256>()));
        peaks.Add((128, Ada.Models.FmaPeak.MeasureGflops<Simd128>()));
        foreach (var (bits, gflops) in peaks)
        {
            var theory = Ada.Models.FmaPeak.TheoreticalGflops(bits, cpuInfo);
            AnsiConsole.MarkupLineInterpolated($"FMA peak, one core, Vector{bits} × {Ada.Models.FmaPeak.Chains} chains: {gflops:F1} GFLOP per CPU-second measured{(theory is { } t ? $" (theoretical at the nominal clock: {t:F1})" : "")}");
        }
        double peak = peaks.Max(p => p.Gflops);
        AnsiConsole.MarkupLineInterpolated($"Percentages below are of the measured core peak, {peak:F1} GFLOP/s.");
        return peak;
    }

    /// <summary>Prints the results, then their phase split; comparison columns appear when some row has a value.</summary>
    static void Report(IReadOnlyList<Ada.Models.SamplerBenchmarkResult> results, double peak, params (string Name, Func<Ada.Models.SamplerBenchmarkResult, string> Cell)[] extra)
    {
        extra = extra.Where(e => results.Any(r => e.Cell(r) != "")).ToArray();
        var table = new Table().AddColumns(["kernels", "streams", "samples/s (all streams)", "per CPU-s", "RTF per stream @16 kHz", "GFLOP/CPU-s", "% of peak", "kernel GFLOP/s", "kernel % of peak", .. extra.Select(e => e.Name)]);
        foreach (var r in results)
            table.AddRow([r.Kernels, $"{r.Streams}", $"{r.SamplesPerSecond:N0}", $"{r.SamplesPerCpuSecond:N0}", $"{r.SamplesPerSecond / r.Streams / 16000:F2}", $"{r.Gflops:F1}", $"{r.PercentOfPeak:F1}",
                $"{r.KernelGflops:F1}", $"{r.KernelPercentOfPeak:F1}", .. extra.Select(e => e.Cell(r))]);
        AnsiConsole.Write(table);

        var phases = Enum.GetValues<SamplerPhase>();
        var split = new Table().AddColumns(["kernels", "streams", .. phases.Select(p => $"% {p}")]);
        foreach (var r in results)
            split.AddRow([r.Kernels, $"{r.Streams}", .. phases.Select(p => $"{100 * r.Profile.Fraction(p):F1}")]);
        AnsiConsole.MarkupLineInterpolated($"% of the measured core peak, {peak:F1} GFLOP/s; kernel GFLOP/s: kernel FLOPs / time in the Dilated, ResidualSkip and Head phases of the profiling pass. Time split of that pass (Stopwatch around each phase):");
        AnsiConsole.Write(split);
    }

    /// <summary>TorchSharp step-by-step rates per batch, printed with the per-step host↔device copy cost they include.</summary>
    static Dictionary<int, double> TorchSharpRates(int[] batches, Func<int, double> measure, TorchSharp.torch.Device device, int classes, double seconds)
    {
        var rates = new Dictionary<int, double>();
        foreach (int batch in batches)
        {
            rates[batch] = measure(batch);
            double copy = Ada.Models.SamplerBenchmark.TransferMicroseconds(device, batch, classes, Math.Min(seconds, 1));
            AnsiConsole.MarkupLineInterpolated($"TorchSharp {Ada.Models.TorchRuntime.TorchSharpVersion} on {device}, {batch} stream(s): {rates[batch]:N0} samples/s; host↔device copies alone {copy:F1} µs per step");
        }
        return rates;
    }

    /// <summary>Runs <paramref name="measure"/> on TorchSharp copies of <paramref name="weights"/> on <paramref name="device"/>, then frees them.</summary>
    static double OnTorch(IEnumerable<WaveNetWeights> weights, TorchSharp.torch.Device device, Func<IReadOnlyList<IIncrementalWaveNet>, double> measure)
    {
        var nets = weights.Select(w => new Ada.Models.TorchFastWaveNet(w, device)).ToArray();
        try
        {
            return measure(nets);
        }
        finally
        {
            foreach (var net in nets) net.Dispose();
        }
    }

    static string SpeedUp(double rate, Dictionary<int, double>? baseline, int batch) =>
        baseline != null && baseline.TryGetValue(batch, out var other) ? $"{rate / other:F1}× ({other:N0}/s)" : "";

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
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var pytorch = new Option<string?>("--pytorch") { Description = "Also run benchmarks/pytorch/wavenet_train_bench.py with this python and print the ratio" };
        var configs = new Option<string[]>("--config")
        {
            Description = "Instead of the reference decoder, time the model, batch and crop of these training configs (random codes above level 1), each against the first",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("train", "Training throughput of the reference decoder (30 layers, R=64, G=64, S=128, batch 4 × 8000) in TorchSharp, optionally against PyTorch, or of the models of given configs.")
        {
            threads, steps, device, pytorch, configs,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(configs) is { Length: > 0 } files)
            {
                AnsiConsole.Write(CompareConfigs(files, parse.GetValue(threads), parse.GetValue(steps), parse.GetValue(device)!));
                return 0;
            }
            var ours = Ada.Models.TrainingBenchmark.Measure(threads: parse.GetValue(threads), steps: parse.GetValue(steps), device: parse.GetValue(device)!);
            var table = new Table().AddColumns("framework", "samples/s", "samples per CPU-second");
            table.AddRow($"TorchSharp {Ada.Models.TorchRuntime.TorchSharpVersion} on {parse.GetValue(device)}", $"{ours.SamplesPerSecond:N0}", $"{ours.SamplesPerCpuSecond:N0}");
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

    // One process, one after the other, so the ratios to the first config hold even when the machine is busy.
    static Table CompareConfigs(string[] files, int threads, int steps, string device)
    {
        var table = new Table().AddColumns("config", "model", "parameters", "batch × crop", "samples/s", "per CPU-second", "CPU time per step vs first");
        Ada.Models.BenchmarkResult? first = null;
        foreach (var file in files)
        {
            var run = Ada.Models.RunConfigFile.Load(file);
            var result = Ada.Models.TrainingBenchmark.Measure(threads, run.Training.BatchSize, run.Data.CropLength, steps: steps, model: run.Model, device: device);
            first ??= result;
            table.AddRow(Path.GetFileName(file), result.Description, $"{result.Parameters:N0}", $"{result.Batch} × {result.Length}",
                $"{result.SamplesPerSecond:N0}", $"{result.SamplesPerCpuSecond:N0}", $"{result.CpuSecondsPerStep / first.CpuSecondsPerStep:F2}×");
        }
        return table;
    }
}
