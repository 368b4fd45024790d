using Ada.Inference.Kernels;

namespace Ada.Inference.Tests;

[TestFixture]
public class HierarchySamplerTests
{
    // top prior over 8 codes; bottom level: 32 classes conditioned on those codes, hop 4.
    static readonly WaveNetSpec Top = new(Classes: 8, Residual: 8, Gate: 8, Skip: 16, Layers: 4, DilationCycle: 2);
    static readonly WaveNetSpec Bottom = new(Classes: 32, Residual: 8, Gate: 8, Skip: 16, Layers: 6, DilationCycle: 3, CondClasses: 8, Hop: 4, PadClass: 16);
    static readonly FastWaveNet TopNet = new(WaveNetWeights.Random(Top, seed: 1));
    static readonly FastWaveNet BottomNet = new(WaveNetWeights.Random(Bottom, seed: 2));
    static readonly FastWaveNet TopNetBf16 = new(WaveNetWeights.Random(Top, seed: 1), precision: WeightPrecision.BFloat16);
    static readonly FastWaveNet BottomNetBf16 = new(WaveNetWeights.Random(Bottom, seed: 2), precision: WeightPrecision.BFloat16);
    static readonly float[] Temperatures = { 1f, 1f };

    static HierarchySampler Create(params ulong[] seeds) => Create(WeightPrecision.Float32, seeds);

    static HierarchySampler Create(WeightPrecision precision, params ulong[] seeds) => precision == WeightPrecision.BFloat16
        ? new(new[] { TopNetBf16, BottomNetBf16 }, seeds, Temperatures)
        : new(new[] { TopNet, BottomNet }, seeds, Temperatures);

    static int[] Generate(HierarchySampler sampler, int frames)
    {
        var tokens = new int[frames * sampler.Batch];
        sampler.Generate(tokens, frames);
        return tokens;
    }

    [TestCase(WeightPrecision.Float32)]
    [TestCase(WeightPrecision.BFloat16)]
    public void OutputDoesNotDependOnBlockSizes(WeightPrecision precision)
    {
        var whole = Generate(Create(precision, 5), 600);
        var sliced = Create(precision, 5);
        var pieces = new List<int>();
        foreach (int block in new[] { 1, 7, 64, 3, 125, 400 }) pieces.AddRange(Generate(sliced, block));
        Assert.That(pieces, Is.EqualTo(whole));
        Assert.That(whole.Distinct().Count(), Is.GreaterThan(10), "random weights should produce varied tokens");
    }

    [TestCase(WeightPrecision.Float32)]
    [TestCase(WeightPrecision.BFloat16)]
    public void BatchedStreamsEqualEachStreamAlone(WeightPrecision precision)
    {
        ulong[] seeds = { HierarchySampler.StreamSeed(9, 0), HierarchySampler.StreamSeed(9, 1), HierarchySampler.StreamSeed(9, 2), HierarchySampler.StreamSeed(9, 3), HierarchySampler.StreamSeed(9, 4) };
        const int frames = 300;
        var batched = Generate(Create(precision, seeds), frames);
        for (int b = 0; b < seeds.Length; b++)
            Assert.That(batched.AsSpan(b * frames, frames).ToArray(), Is.EqualTo(Generate(Create(precision, seeds[b]), frames)), $"stream {b}");
        Assert.That(batched.AsSpan(0, frames).ToArray(), Is.Not.EqualTo(batched.AsSpan(frames, frames).ToArray()), "variations differ");
    }

    [Test]
    public void PrimingWithAStreamsOwnPastContinuesItExactly()
    {
        const ulong seed = 77;
        const int primerFrames = 10, primerSamples = primerFrames * 4, more = 80;
        var original = Generate(Create(seed), primerSamples + more);
        // The top level is generated lazily but independently of the levels below, so a lone top sampler reproduces it.
        var top = new LevelSampler(TopNet, new[] { seed }, level: 1, temperature: 1f, above: null);
        var topCodes = new int[primerFrames];
        var one = new int[1];
        for (int i = 0; i < primerFrames; i++) { top.Next(one); topCodes[i] = one[0]; }

        var primed = Create(seed);
        primed.Prime(new[] { topCodes, original[..primerSamples] });
        Assert.That(primed.Position, Is.EqualTo(primerSamples));
        Assert.That(Generate(primed, more), Is.EqualTo(original[primerSamples..]));
    }

    [Test]
    public void PrimerLengthsMustNest()
    {
        var sampler = Create(1);
        Assert.That(() => sampler.Prime(new[] { new int[3], new int[11] }), Throws.ArgumentException.With.Message.Contains("expected 3 × hop 4"));
    }

    [Test]
    public void MismatchedLevelsAreRejected()
    {
        var wrongCodes = new FastWaveNet(WaveNetWeights.Random(Bottom with { CondClasses = 9 }, seed: 3));
        Assert.That(() => new HierarchySampler(new[] { TopNet, wrongCodes }, new ulong[] { 1 }, Temperatures),
            Throws.ArgumentException.With.Message.Contains("expects 9 codes"));
        Assert.That(() => new HierarchySampler(new[] { BottomNet }, new ulong[] { 1 }, new[] { 1f }),
            Throws.ArgumentException.With.Message.Contains("no level above"));
    }

    [Test]
    public void ZeroTemperatureIsDeterministicGreedy()
    {
        var greedy = new HierarchySampler(new[] { TopNet, BottomNet }, new ulong[] { 1, 2 }, new[] { 0f, 0f });
        var tokens = Generate(greedy, 50);
        Assert.That(tokens.AsSpan(0, 50).ToArray(), Is.EqualTo(tokens.AsSpan(50, 50).ToArray()), "greedy decoding ignores the seed");
    }
}
