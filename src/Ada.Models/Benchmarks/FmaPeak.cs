using System.Runtime.CompilerServices;
using Ada.Inference.Kernels;

namespace Ada.Models;

/// <summary>One core's fused multiply-add peak, measured on this thread and estimated from /proc/cpuinfo.</summary>
public static class FmaPeak
{
    /// <summary>Independent accumulator chains: more than FMA latency × FMA units (4 × 2 on Zen 4/5, Ice Lake, Sapphire Rapids), so latency is hidden.</summary>
    public const int Chains = 12;

    /// <summary>Best GFLOP per CPU-second (an FMA = 2 FLOPs) of <see cref="Chains"/> FMA chains of <typeparamref name="TSimd"/> over <paramref name="trials"/> runs of about <paramref name="seconds"/> each.</summary>
    public static double MeasureGflops<TSimd>(double seconds = 0.3, int trials = 3) where TSimd : struct, ISimd<TSimd>
    {
        const long calibration = 1 << 20;
        Chain<TSimd>(calibration);   // compile and warm the clocks
        double start = ThreadCpuClock.Seconds();
        Chain<TSimd>(calibration);
        long iterations = Math.Max(calibration, (long)(calibration * seconds / Math.Max(ThreadCpuClock.Seconds() - start, 1e-6)));
        double best = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            start = ThreadCpuClock.Seconds();
            Chain<TSimd>(iterations);
            best = Math.Max(best, iterations * Chains * TSimd.Width * 2 / (ThreadCpuClock.Seconds() - start) / 1e9);
        }
        return best;
    }

    /// <summary>
    /// FMA units × lanes × 2 × nominal GHz for a vector of <paramref name="vectorBits"/>, or null where this CPU's FMA units
    /// are not known here (only AMD Zen 3/4/5 EPYC are). A VM's "cpu MHz" is the nominal clock, so boost can beat it.
    /// </summary>
    public static double? TheoreticalGflops(int vectorBits, string cpuInfo)
    {
        string? Field(string name) => cpuInfo.Split('\n').Where(l => l.StartsWith(name)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
        if (Field("vendor_id") != "AuthenticAMD" || Field("model name") is not { } model || !model.Contains("EPYC")
            || !int.TryParse(Field("cpu family"), out int family)
            || !double.TryParse(Field("cpu MHz"), System.Globalization.CultureInfo.InvariantCulture, out double mhz)) return null;
        // Two FMA pipes: 512 bits wide on Zen 5 (family 26), 256 on Zen 3/4 (family 25; Zen 4 splits 512-bit FMAs in two).
        int pipeBits = family switch { 26 => 512, 25 => 256, _ => 0 };
        return pipeBits == 0 ? null : 2.0 * Math.Min(vectorBits, pipeBits) / 32 * 2 * mhz / 1000;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static float Chain<TSimd>(long iterations) where TSimd : struct, ISimd<TSimd>
    {
        // x ← 0.999 x + 0.001 stays near 1: no overflow, no denormals.
        var m = TSimd.Broadcast(0.999f);
        var c = TSimd.Broadcast(0.001f);
        TSimd a0 = TSimd.Broadcast(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = TSimd.MultiplyAdd(a0, m, c); a1 = TSimd.MultiplyAdd(a1, m, c); a2 = TSimd.MultiplyAdd(a2, m, c);
            a3 = TSimd.MultiplyAdd(a3, m, c); a4 = TSimd.MultiplyAdd(a4, m, c); a5 = TSimd.MultiplyAdd(a5, m, c);
            a6 = TSimd.MultiplyAdd(a6, m, c); a7 = TSimd.MultiplyAdd(a7, m, c); a8 = TSimd.MultiplyAdd(a8, m, c);
            a9 = TSimd.MultiplyAdd(a9, m, c); a10 = TSimd.MultiplyAdd(a10, m, c); a11 = TSimd.MultiplyAdd(a11, m, c);
        }
        // Every chain feeds the result, so the JIT drops none; folding in registers (not through a span of them) keeps the
        // accumulators out of memory, where each iteration would store them and be bound by store throughput.
        var one = TSimd.Broadcast(1f);
        var sum = TSimd.MultiplyAdd(a0, one, TSimd.MultiplyAdd(a1, one, TSimd.MultiplyAdd(a2, one, TSimd.MultiplyAdd(a3, one,
            TSimd.MultiplyAdd(a4, one, TSimd.MultiplyAdd(a5, one, TSimd.MultiplyAdd(a6, one, TSimd.MultiplyAdd(a7, one,
            TSimd.MultiplyAdd(a8, one, TSimd.MultiplyAdd(a9, one, TSimd.MultiplyAdd(a10, one, a11)))))))))));
        Span<float> lanes = stackalloc float[TSimd.Width];
        TSimd.Store(sum, ref lanes[0]);
        return lanes[0];
    }
}
