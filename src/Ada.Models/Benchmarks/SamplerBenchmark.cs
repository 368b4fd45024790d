using System.Diagnostics;
using Ada.Inference;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Sampling throughput of any <see cref="IIncrementalWaveNet"/> (the fast CPU sampler or <see cref="TorchFastWaveNet"/>), same loop for both.</summary>
public static class SamplerBenchmark
{
    static readonly SamplerPhase[] KernelPhases = [SamplerPhase.Dilated, SamplerPhase.ResidualSkip, SamplerPhase.Head];

    /// <summary>
    /// Times <see cref="Level"/> (one level) or <see cref="Hierarchy"/> (several, top first) for about <paramref name="seconds"/>,
    /// then repeats the same loop with profiled steps (<see cref="FastWaveNet.Profiled"/>) for the phase split and the kernels' own rate.
    /// </summary>
    /// <param name="levelsTopFirst">The nets, all on one kernel path.</param>
    /// <param name="batch">Streams.</param>
    /// <param name="seconds">Seconds of each pass.</param>
    /// <param name="peakGflops">The core's measured FMA peak (<see cref="FmaPeak"/>) the percentages refer to.</param>
    public static SamplerBenchmarkResult Measure(IReadOnlyList<FastWaveNet> levelsTopFirst, int batch, double seconds, double peakGflops)
    {
        SamplerRate Run(IReadOnlyList<IIncrementalWaveNet> nets, double duration) => nets.Count == 1 ? Level(nets[0], batch, duration) : Hierarchy(nets, batch, duration);
        // An untimed run first: the loop's callers start as tier-0 code, and the first case measured would pay for their re-JIT.
        Run(levelsTopFirst, Math.Min(0.5, seconds));
        var rate = Run(levelsTopFirst, seconds);

        var profile = new PhaseProfile();
        var profiled = Run(levelsTopFirst.Select(net => net.Profiled(profile)).ToArray(), seconds);
        profile.Add(SamplerPhase.Sampling, (long)(profiled.Seconds * Stopwatch.Frequency) - profile.TotalTicks);

        // Level i steps once per hop of the level below it: the bottom every sample, the one above every Hop(bottom) samples, …
        double flops = 0, kernelFlops = 0, stepsPerSample = 1;
        for (int i = levelsTopFirst.Count - 1; i >= 0; i--)
        {
            var spec = levelsTopFirst[i].Spec;
            flops += stepsPerSample * StepFlops.Of(spec).Total;
            kernelFlops += stepsPerSample * 2 * spec.MultiplyAddsPerStep;
            stepsPerSample /= spec.Hop;
        }
        // Per CPU-second, like the peak; the kernels' share of the profiling pass's wall time stands for their share of its CPU time.
        double gflops = rate.PerCpuSecond * flops / 1e9;
        double kernelGflops = profiled.PerCpuSecond * kernelFlops / KernelPhases.Sum(profile.Fraction) / 1e9;
        return new SamplerBenchmarkResult(levelsTopFirst[0].Backend, batch, rate.PerSecond, rate.PerCpuSecond, gflops, 100 * gflops / peakGflops,
            kernelGflops, 100 * kernelGflops / peakGflops, profile);
    }

    /// <summary>Samples (all streams) of one level stepped and sampled for about <paramref name="seconds"/>, codes changing every 8 steps.</summary>
    public static SamplerRate Level(IIncrementalWaveNet net, int batch, double seconds)
    {
        var spec = net.Spec;
        using var streams = net.CreateStreams(batch);
        var previous = new int[batch];
        var codes = new int[batch];
        var logits = new float[batch * spec.Classes];
        var scratch = new float[spec.Classes];
        long steps = 0;
        double cpu = ThreadCpuClock.Seconds();
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
        return new SamplerRate(steps * batch, clock.Elapsed.TotalSeconds, ThreadCpuClock.Seconds() - cpu);
    }

    /// <summary>Bottom-level samples (all streams) of a whole hierarchy, top first, generated in 1,600-sample chunks for about <paramref name="seconds"/>.</summary>
    public static SamplerRate Hierarchy(IReadOnlyList<IIncrementalWaveNet> levelsTopFirst, int batch, double seconds)
    {
        var seeds = Enumerable.Range(0, batch).Select(v => HierarchySampler.StreamSeed(1, v)).ToArray();
        using var sampler = new HierarchySampler(levelsTopFirst, seeds, levelsTopFirst.Select(_ => 1f).ToArray());
        const int chunk = 1600;
        var tokens = new int[chunk * batch];
        double cpu = ThreadCpuClock.Seconds();
        var clock = Stopwatch.StartNew();
        do sampler.Generate(tokens, chunk);
        while (clock.Elapsed.TotalSeconds < seconds);
        return new SamplerRate(sampler.Position * batch, clock.Elapsed.TotalSeconds, ThreadCpuClock.Seconds() - cpu);
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
