using Ada.Inference;
using Ada.Inference.Kernels;

namespace Ada.Models.Tests;

/// <summary>The sampler benchmark's bookkeeping (FLOP totals, phase shares, peak estimate); its timings are for reports, never asserted.</summary>
public class SamplerBenchmarkTests
{
    [Test]
    public void TheoreticalPeakFollowsTheFmaPipesOfTheCpuFamily()
    {
        static string CpuInfo(string vendor, int family) => $"processor\t: 0\nvendor_id\t: {vendor}\ncpu family\t: {family}\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2000.000\n";
        Assert.Multiple(() =>
        {
            Assert.That(FmaPeak.TheoreticalGflops(512, CpuInfo("AuthenticAMD", 26)), Is.EqualTo(2 * 16 * 2 * 2.0).Within(1e-9));   // Zen 5: two 512-bit FMA pipes
            Assert.That(FmaPeak.TheoreticalGflops(256, CpuInfo("AuthenticAMD", 26)), Is.EqualTo(2 * 8 * 2 * 2.0).Within(1e-9));
            Assert.That(FmaPeak.TheoreticalGflops(512, CpuInfo("AuthenticAMD", 25)), Is.EqualTo(2 * 8 * 2 * 2.0).Within(1e-9));    // Zen 4: 512-bit ops on two 256-bit pipes
            Assert.That(FmaPeak.TheoreticalGflops(512, CpuInfo("GenuineIntel", 6)), Is.Null);
        });
    }

    [Test]
    public void MeasureChargesTheWholeProfilingPassToPhases()
    {
        var spec = new WaveNetSpec(Classes: 32, Residual: 8, Gate: 8, Skip: 16, Layers: 4, DilationCycle: 2, CondClasses: 4, Hop: 2);
        var net = new FastWaveNet(WaveNetWeights.Random(spec, seed: 3), KernelPath.Vector128);
        var result = SamplerBenchmark.Measure([net], batch: 2, seconds: 0.05, peakGflops: 100);
        Assert.Multiple(() =>
        {
            Assert.That(result.Kernels, Is.EqualTo("Vector128"));
            Assert.That(result.Streams, Is.EqualTo(2));
            Assert.That(Enum.GetValues<SamplerPhase>().Sum(result.Profile.Fraction), Is.EqualTo(1).Within(1e-9));
            Assert.That(result.Profile[SamplerPhase.Sampling], Is.GreaterThan(0));
            Assert.That(result.PercentOfPeak, Is.EqualTo(result.Gflops).Within(1e-9), "peak 100 GFLOP/s: percent = GFLOP/s");
            Assert.That(result.Gflops, Is.EqualTo(result.SamplesPerCpuSecond * StepFlops.Of(spec).Total / 1e9).Within(1e-9));
        });
    }
}
