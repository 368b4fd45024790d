using System.Diagnostics;
using Ada.Inference;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Sampling throughput of any <see cref="IIncrementalWaveNet"/> (the fast CPU sampler or <see cref="TorchFastWaveNet"/>), same loop for both.</summary>
public static class SamplerBenchmark
{
    /// <summary>Samples/s (all streams) of one level stepped and sampled for about <paramref name="seconds"/>, codes changing every 8 steps.</summary>
    public static double Level(IIncrementalWaveNet net, int batch, double seconds)
    {
        var spec = net.Spec;
        using var streams = net.CreateStreams(batch);
        var previous = new int[batch];
        var codes = new int[batch];
        var logits = new float[batch * spec.Classes];
        var scratch = new float[spec.Classes];
        long steps = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 64; i++, steps++)
            {
                streams.Step(previous, codes, logits);
                for (int b = 0; b < batch; b++)
                {
                    previous[b] = CategoricalSampler.Sample(logits.AsSpan(b * spec.Classes, spec.Classes), 1f, CounterRng.Uniform(1, (ulong)b, (ulong)steps), scratch);
                    codes[b] = (int)(steps / 8 % Math.Max(spec.CondClasses, 1));
                }
            }
        }
        return steps * batch / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Bottom-level samples/s (all streams) of a whole hierarchy, top first, generated in 1,600-sample chunks.</summary>
    public static double Hierarchy(IReadOnlyList<IIncrementalWaveNet> levelsTopFirst, int batch, double seconds)
    {
        var seeds = Enumerable.Range(0, batch).Select(v => HierarchySampler.StreamSeed(1, v)).ToArray();
        using var sampler = new HierarchySampler(levelsTopFirst, seeds, levelsTopFirst.Select(_ => 1f).ToArray());
        const int chunk = 1600;
        var tokens = new int[chunk * batch];
        var clock = Stopwatch.StartNew();
        do sampler.Generate(tokens, chunk);
        while (clock.Elapsed.TotalSeconds < seconds);
        return sampler.Position * batch / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Microseconds per step spent only on what <see cref="TorchFastWaveNet"/> moves between host and device each step:
    /// B previous classes and B codes in (int64), B × Q logits out.
    /// </summary>
    public static double TransferMicroseconds(Device device, int batch, int classes, double seconds)
    {
        var inputs = new long[batch];
        var logits = new float[batch * classes];
        using var onDevice = zeros(batch, classes, device: device);
        long steps = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 64; i++, steps++)
            {
                using var scope = NewDisposeScope();
                _ = tensor(inputs, device: device);
                _ = tensor(inputs, device: device);
                onDevice.cpu().data<float>().CopyTo(logits);
            }
        }
        return clock.Elapsed.TotalMilliseconds * 1000 / steps;
    }
}
