using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class MetricsTests
{
    static float[] Noise(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
    }

    [Test]
    public void StftDistanceIsZeroForIdenticalSignalsAndKnownForADoubledOne()
    {
        var x = Noise(4096, 1);
        var same = Metrics.MultiResolutionStft(x, x);
        Assert.That(same.SpectralConvergence, Is.EqualTo(0).Within(1e-9));
        Assert.That(same.LogMagnitude, Is.EqualTo(0).Within(1e-9));
        // |2S| − |S| = |S|: spectral convergence 1, log-magnitude difference ln 2 in every bin above the floor
        var doubled = Metrics.MultiResolutionStft(x, x.Select(v => 2 * v).ToArray());
        Assert.That(doubled.SpectralConvergence, Is.EqualTo(1).Within(1e-4));
        Assert.That(doubled.LogMagnitude, Is.EqualTo(Math.Log(2)).Within(1e-3));
        // independent noise of equal power: Rayleigh magnitudes give E(|a| − |b|)² / E|a|² = 2(1 − π/4)
        var other = Metrics.MultiResolutionStft(x, Noise(4096, 2));
        Assert.That(other.SpectralConvergence, Is.EqualTo(Math.Sqrt(2 * (1 - Math.PI / 4))).Within(0.05));
        Assert.That(() => Metrics.MultiResolutionStft(x, x[..100]), Throws.ArgumentException.With.Message.Contains("differ in length"));
    }

    [Test]
    public void HeldOutNllIsTheSampleWeightedMeanOverBatches()
    {
        using var model = Tiny.Build<PlainWaveNet>(Tiny.WaveNet());
        var (a, b) = (Tiny.RandomClasses(1, 16, seed: 1), Tiny.RandomClasses(2, 24, seed: 2));
        double Bits(Tensor x) => model.Loss(x).Terms["nll"].item<float>();
        var expected = (Bits(a) * 16 + Bits(b) * 48) / 64;
        Assert.That(Metrics.NllBits(model, [a, b]), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void ReconstructionSamplesFromTheEncodedCodesWithAFixedSeed()
    {
        using var level = Tiny.Build<AdaLevel>(Tiny.Amae());
        var x = new SineBatchSource(1, 1024, 5).Batch(0);
        var options = new SamplingOptions(3);
        var r = Metrics.Reconstruct(level, x, options);
        Assert.That(Tiny.Longs(r.Codes), Is.EqualTo(Tiny.Longs(level.Encode(x))));
        Assert.That(Tiny.Longs(r.Sampled), Is.EqualTo(Tiny.Longs(level.Decode(r.Codes, options))));
        var agreement = Tiny.Longs(r.Sampled).Zip(Tiny.Longs(x)).Average(p => p.First == p.Second ? 1.0 : 0.0);
        Assert.That(r.Agreement, Is.EqualTo(agreement).Within(1e-6));
        var expected = Metrics.MultiResolutionStft(Tiny.Floats(MuLaw.Decode(x[0])), Tiny.Floats(MuLaw.Decode(r.Sampled[0])));
        Assert.That(r.Distance, Is.EqualTo(expected));
    }
}
