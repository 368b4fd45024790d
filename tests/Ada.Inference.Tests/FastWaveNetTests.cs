using Ada.Inference.Kernels;

namespace Ada.Inference.Tests;

[TestFixture]
public class FastWaveNetTests
{
    static readonly WaveNetSpec Conditioned = new(Classes: 256, Residual: 16, Gate: 24, Skip: 40, Layers: 9, DilationCycle: 4, CondClasses: 12, Hop: 4, PadClass: 128);
    static readonly WaveNetSpec Unconditioned = new(Classes: 64, Residual: 8, Gate: 8, Skip: 16, Layers: 5, DilationCycle: 3);

    static IEnumerable<KernelPath> SupportedPaths() => Enum.GetValues<KernelPath>().Where(KernelPaths.IsSupported);

    /// <summary>Every supported kernel path with every weight precision: bit-identity is promised per pair.</summary>
    static IEnumerable<TestCaseData> SupportedBackends() =>
        SupportedPaths().SelectMany(path => Enum.GetValues<WeightPrecision>().Select(precision => new TestCaseData(path, precision)));

    static (int[] Classes, int[] Codes) RandomInputs(WaveNetSpec spec, int steps, int seed)
    {
        var rng = new Random(seed);
        var classes = Enumerable.Range(0, steps).Select(_ => rng.Next(spec.Classes)).ToArray();
        var frames = Enumerable.Range(0, steps / spec.Hop + 1).Select(_ => rng.Next(Math.Max(spec.CondClasses, 1))).ToArray();
        return (classes, Enumerable.Range(0, steps).Select(t => frames[t / spec.Hop]).ToArray());
    }

    [TestCaseSource(nameof(SupportedPaths))]
    public void LogitsMatchTheReferenceForThousandsOfSteps(KernelPath path)
    {
        foreach (var spec in new[] { Conditioned, Unconditioned })
        {
            var weights = WaveNetWeights.Random(spec, seed: 7);
            var reference = new ReferenceWaveNet(weights);
            var fast = new FastWaveNet(weights, path);
            var state = fast.CreateState(1);
            var (classes, codes) = RandomInputs(spec, 3000, seed: 3);
            var logits = new float[spec.Classes];
            double worst = 0;
            for (int t = 0; t < classes.Length; t++)
            {
                int previous = t == 0 ? spec.PadClass : classes[t - 1];
                var expected = reference.Step(previous, codes[t]);
                fast.Step(state, new[] { previous }, new[] { codes[t] }, logits);
                for (int i = 0; i < spec.Classes; i++) worst = Math.Max(worst, Math.Abs(expected[i] - logits[i]));
            }
            Assert.That(worst, Is.LessThan(1e-4), $"{spec} on {path}");
        }
    }

    [TestCaseSource(nameof(SupportedBackends))]
    public void BatchedStreamsEqualTheSameStreamsAlone(KernelPath path, WeightPrecision precision)
    {
        var spec = Conditioned;
        var fast = new FastWaveNet(WaveNetWeights.Random(spec, seed: 11), path, precision);
        const int streams = 6, steps = 300;   // 6 = one block of four plus two single streams
        var inputs = Enumerable.Range(0, streams).Select(s => RandomInputs(spec, steps, seed: 100 + s)).ToArray();

        var batched = fast.CreateState(streams);
        var batchedLogits = new float[streams * spec.Classes];
        var alone = Enumerable.Range(0, streams).Select(_ => fast.CreateState(1)).ToArray();
        var aloneLogits = new float[spec.Classes];
        var previous = new int[streams];
        var codes = new int[streams];
        for (int t = 0; t < steps; t++)
        {
            for (int s = 0; s < streams; s++)
            {
                previous[s] = t == 0 ? spec.PadClass : inputs[s].Classes[t - 1];
                codes[s] = inputs[s].Codes[t];
            }
            fast.Step(batched, previous, codes, batchedLogits);
            for (int s = 0; s < streams; s++)
            {
                fast.Step(alone[s], previous.AsSpan(s, 1), codes.AsSpan(s, 1), aloneLogits);
                Assert.That(batchedLogits.AsSpan(s * spec.Classes, spec.Classes).SequenceEqual(aloneLogits), Is.True, $"stream {s} at t={t}");
            }
        }
    }

    [TestCase(WeightPrecision.Float32)]
    [TestCase(WeightPrecision.BFloat16)]
    public void KernelPathsAgreeWithinTolerance(WeightPrecision precision)
    {
        var paths = SupportedPaths().ToArray();
        Assume.That(paths.Length, Is.GreaterThan(1), "only one kernel path on this CPU");
        var weights = WaveNetWeights.Random(Conditioned, seed: 5);
        var nets = paths.Select(p => new FastWaveNet(weights, p, precision)).ToArray();
        var states = nets.Select(n => n.CreateState(1)).ToArray();
        var (classes, codes) = RandomInputs(Conditioned, 500, seed: 9);
        var logits = paths.Select(_ => new float[Conditioned.Classes]).ToArray();
        for (int t = 0; t < classes.Length; t++)
        {
            for (int i = 0; i < nets.Length; i++)
                nets[i].Step(states[i], new[] { t == 0 ? 128 : classes[t - 1] }, new[] { codes[t] }, logits[i]);
            for (int i = 1; i < nets.Length; i++)
                for (int c = 0; c < Conditioned.Classes; c++)
                    Assert.That(logits[i][c], Is.EqualTo(logits[0][c]).Within(1e-4));
        }
    }

    [TestCase(WeightPrecision.Float32)]
    [TestCase(WeightPrecision.BFloat16)]
    public void StepAllocatesNothing(WeightPrecision precision)
    {
        var fast = new FastWaveNet(WaveNetWeights.Random(Conditioned, seed: 1), precision: precision);
        var state = fast.CreateState(5);
        var previous = new int[5];
        var codes = new int[5];
        var logits = new float[5 * Conditioned.Classes];
        fast.Step(state, previous, codes, logits);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 2000; t++) fast.Step(state, previous, codes, logits);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
        Assert.That(state.Time, Is.EqualTo(2001));
    }

    [TestCaseSource(nameof(SupportedBackends))]
    public void ProfiledStepsEqualPlainStepsAndChargeEveryStepPhase(KernelPath path, WeightPrecision precision)
    {
        var spec = Conditioned;
        var fast = new FastWaveNet(WaveNetWeights.Random(spec, seed: 13), path, precision);
        var profile = new PhaseProfile();
        using var plain = fast.CreateStreams(4);
        using var profiled = fast.Profiled(profile).CreateStreams(4);
        var (classes, codes) = RandomInputs(spec, 200, seed: 21);
        var plainLogits = new float[4 * spec.Classes];
        var profiledLogits = new float[4 * spec.Classes];
        for (int t = 0; t < classes.Length; t++)
        {
            var previous = Enumerable.Repeat(classes[t], 4).ToArray();
            var code = Enumerable.Repeat(codes[t], 4).ToArray();
            plain.Step(previous, code, plainLogits);
            profiled.Step(previous, code, profiledLogits);
            Assert.That(profiledLogits.SequenceEqual(plainLogits), Is.True, $"t={t}");
        }
        foreach (var phase in new[] { SamplerPhase.Dilated, SamplerPhase.Gate, SamplerPhase.ResidualSkip, SamplerPhase.Head })
            Assert.That(profile[phase], Is.GreaterThan(0), phase.ToString());
        Assert.That(profile[SamplerPhase.Sampling], Is.EqualTo(0), "the step never charges the caller's time");
        Assert.That(profile.Fraction(SamplerPhase.Dilated), Is.GreaterThan(0).And.LessThan(1));
    }

    [Test]
    public void RejectsOutOfRangeClassesAndCodes()
    {
        var fast = new FastWaveNet(WaveNetWeights.Random(Conditioned, seed: 1));
        var state = fast.CreateState(1);
        var logits = new float[Conditioned.Classes];
        Assert.That(() => fast.Step(state, new[] { 256 }, new[] { 0 }, logits), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("class 256"));
        Assert.That(() => fast.Step(state, new[] { 0 }, new[] { 12 }, logits), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("code 12"));
    }

    [Test]
    public void ReceptiveFieldAndCostFollowTheSpec()
    {
        Assert.That(Conditioned.ReceptiveField, Is.EqualTo(1 + (1 + 2 + 4 + 8) * 2 + 1));
        Assert.That(Unconditioned.MultiplyAddsPerStep, Is.EqualTo(5L * (2 * 8 * 2 * 8 + 8 * (8 + 16)) + 16 * 16 + 16 * 64));
    }

    [Test]
    public void WeightsOfTheWrongSizeAreNamed()
    {
        var weights = WaveNetWeights.Random(Unconditioned, seed: 1);
        var broken = new WaveNetWeights
        {
            Spec = weights.Spec, Embedding = weights.Embedding, DilatedWeight = weights.DilatedWeight, DilatedBias = weights.DilatedBias,
            ResidualWeight = weights.ResidualWeight, ResidualBias = weights.ResidualBias, SkipWeight = weights.SkipWeight,
            SkipBias = weights.SkipBias, Out1Weight = weights.Out1Weight, Out1Bias = weights.Out1Bias,
            Out2Weight = new float[3], Out2Bias = weights.Out2Bias,
        };
        Assert.That(() => new FastWaveNet(broken), Throws.ArgumentException.With.Message.Contains("out2 weight"));
    }
}
