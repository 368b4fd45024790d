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
        var command = new Command("sampler", "Samples/s of the fast incremental WaveNet (random weights of the given size), one thread, per kernel path and batch.")
        {
            layers, cycle, residual, gate, skip, seconds, batches,
        };
        command.SetAction(parse =>
        {
            var spec = new WaveNetSpec(256, parse.GetValue(residual), parse.GetValue(gate), parse.GetValue(skip),
                parse.GetValue(layers), parse.GetValue(cycle), CondClasses: 64, Hop: 8, PadClass: 128);
            var weights = WaveNetWeights.Random(spec, seed: 1);
            var table = new Table().AddColumns("kernels", "streams", "samples/s (all streams)", "RTF per stream @16 kHz", "GFLOP/s");
            foreach (var path in Enum.GetValues<KernelPath>().Where(KernelPaths.IsSupported).Reverse())
            {
                var net = new FastWaveNet(weights, path);
                foreach (int batch in parse.GetValue(batches)!)
                {
                    double rate = Measure(net, batch, parse.GetValue(seconds));
                    double gflops = rate * spec.MultiplyAddsPerStep * 2 / 1e9;
                    table.AddRow(path.ToString(), batch.ToString(), $"{rate:N0}", $"{rate / batch / 16000:F2}", $"{gflops:F1}");
                }
            }
            AnsiConsole.MarkupLineInterpolated($"WaveNet {spec.Layers} layers, R={spec.Residual} G={spec.Gate} S={spec.Skip}, {spec.MultiplyAddsPerStep:N0} multiply-adds per sample");
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
