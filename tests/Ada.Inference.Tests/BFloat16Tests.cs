using Ada.Inference.Kernels;

namespace Ada.Inference.Tests;

[TestFixture]
public class BFloat16Tests
{
    static readonly WaveNetSpec Conditioned = new(Classes: 256, Residual: 16, Gate: 24, Skip: 40, Layers: 9, DilationCycle: 4, CondClasses: 12, Hop: 4, PadClass: 128);

    static IEnumerable<KernelPath> SupportedPaths() => Enum.GetValues<KernelPath>().Where(KernelPaths.IsSupported);

    static float FromBits(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    [TestCase(0x3F800000u, (ushort)0x3F80, TestName = "1 is exact")]
    [TestCase(0xC0200000u, (ushort)0xC020, TestName = "-2.5 is exact")]
    [TestCase(0x40490FDBu, (ushort)0x4049, TestName = "pi rounds down (dropped half below a tie)")]
    [TestCase(0x3F807FFFu, (ushort)0x3F80, TestName = "just below a tie rounds down")]
    [TestCase(0x3F808000u, (ushort)0x3F80, TestName = "tie with an even kept part stays")]
    [TestCase(0x3F818000u, (ushort)0x3F82, TestName = "tie with an odd kept part rounds up to even")]
    [TestCase(0x3F808001u, (ushort)0x3F81, TestName = "bit 15 set and more below rounds up")]
    [TestCase(0xBF80C000u, (ushort)0xBF81, TestName = "negative value with bit 15 set rounds away from zero")]
    [TestCase(0x3FFF8000u, (ushort)0x4000, TestName = "tie carries into the exponent")]
    [TestCase(0x7F7FFFFFu, (ushort)0x7F80, TestName = "float max rounds to infinity")]
    [TestCase(0x7F800000u, (ushort)0x7F80, TestName = "infinity stays")]
    public void RoundsToNearestEven(uint fp32Bits, ushort expected)
    {
        Assert.That(BFloat16Bits.Round(FromBits(fp32Bits)), Is.EqualTo(expected));
    }

    [Test]
    public void NaNStaysNaNEvenWhenItsPayloadIsInTheDroppedBits()
    {
        Assert.That(float.IsNaN(BFloat16Bits.Widen(BFloat16Bits.Round(FromBits(0x7F800001)))), Is.True);
        Assert.That(float.IsNaN(BFloat16Bits.Widen(BFloat16Bits.Round(float.NaN))), Is.True);
    }

    [Test]
    public void WideningIsExactAndRoundingErrorIsWithinTheUnitRoundoff()
    {
        Assert.That(BFloat16Bits.Widen(0x3F81), Is.EqualTo(1.0078125f));
        Assert.That(BFloat16Bits.Widen(0xC020), Is.EqualTo(-2.5f));
        var rng = new Random(4);
        double worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            float x = (float)((rng.NextDouble() * 2 - 1) * Math.Pow(2, rng.Next(-20, 20)));
            worst = Math.Max(worst, Math.Abs(BFloat16Bits.Widen(BFloat16Bits.Round(x)) - (double)x) / Math.Abs(x));
        }
        Assert.That(worst, Is.LessThanOrEqualTo(BFloat16Bits.UnitRoundoff).And.GreaterThan(BFloat16Bits.UnitRoundoff * 0.99), "random values reach, never pass, 2^-8");
    }

    [TestCaseSource(nameof(SupportedPaths))]
    public void Bf16KernelEqualsFp32ArithmeticOnTheWidenedWeights(KernelPath path)
    {
        // 208 outputs = 13 vectors of 16: every pass width of both kernels (8, 4, 2 and 1 vectors), 5 streams = a block of four and one alone
        const int n = 7, m = 208, batch = 5;
        var rng = new Random(8);
        var weights = Enumerable.Range(0, n * m).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var bf16 = BFloat16Bits.Round(weights);
        var x = Enumerable.Range(0, batch * n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var bias = Enumerable.Range(0, batch * m).Select(_ => (float)rng.NextDouble()).ToArray();

        var y = (float[])bias.Clone();
        switch (path)
        {
            case KernelPath.Vector512: MatVec.MultiplyAccumulate<Simd512, BFloat16Weights, ushort>(bf16, n, m, x, n, y, m, batch); break;
            case KernelPath.Vector256: MatVec.MultiplyAccumulate<Simd256, BFloat16Weights, ushort>(bf16, n, m, x, n, y, m, batch); break;
            default: MatVec.MultiplyAccumulate<Simd128, BFloat16Weights, ushort>(bf16, n, m, x, n, y, m, batch); break;
        }
        for (int b = 0; b < batch; b++)
            for (int o = 0; o < m; o++)
            {
                float expected = bias[b * m + o];
                for (int j = 0; j < n; j++) expected = MathF.FusedMultiplyAdd(BFloat16Bits.Widen(bf16[j * m + o]), x[b * n + j], expected);
                Assert.That(y[b * m + o], Is.EqualTo(expected), $"stream {b}, output {o}");
            }
    }

    /// <summary>
    /// Tolerance of bf16 logits against fp32 logits of the same weights, per step: u · (2L + 2) · max(1, max |logit|), u = 2^-8.
    /// Bound stated (first order, not proven for a trained net): rounding a weight changes it by at most u of itself, so each of
    /// the 2L + 2 matrix products a signal passes through (dilated and residual/skip per layer, two in the head) is off by at
    /// most u of its output's scale; tanh, sigmoid and ReLU are at most 1-Lipschitz and the residual path adds, so to first
    /// order the errors add up to (2L + 2)·u relative to the logits' scale, floored at 1 for logits near zero.
    /// </summary>
    public static double LogitTolerance(WaveNetSpec spec, double maxAbsLogit) =>
        BFloat16Bits.UnitRoundoff * (2 * spec.Layers + 2) * Math.Max(1, maxAbsLogit);

    [TestCaseSource(nameof(SupportedPaths))]
    public void Bf16LogitsStayWithinTheStatedToleranceOfFp32(KernelPath path)
    {
        var weights = WaveNetWeights.Random(Conditioned, seed: 7);
        var fp32 = new FastWaveNet(weights, path);
        var bf16 = new FastWaveNet(weights, path, WeightPrecision.BFloat16);
        var (s32, s16) = (fp32.CreateState(1), bf16.CreateState(1));
        var rng = new Random(3);
        var (l32, l16) = (new float[Conditioned.Classes], new float[Conditioned.Classes]);
        double worstRatio = 0, worst = 0;
        int previous = Conditioned.PadClass;
        for (int t = 0; t < 400; t++)
        {
            var code = new[] { t / Conditioned.Hop % Conditioned.CondClasses };
            fp32.Step(s32, new[] { previous }, code, l32);
            bf16.Step(s16, new[] { previous }, code, l16);
            double maxAbs = l32.Max(Math.Abs), diff = l32.Zip(l16, (a, b) => Math.Abs(a - b)).Max();
            worst = Math.Max(worst, diff);
            worstRatio = Math.Max(worstRatio, diff / LogitTolerance(Conditioned, maxAbs));
            previous = rng.Next(Conditioned.Classes);
        }
        TestContext.Out.WriteLine($"{path}: worst |bf16 − fp32| logit {worst:G3}, {worstRatio:P1} of the tolerance");
        Assert.That(worstRatio, Is.LessThanOrEqualTo(1), $"worst difference {worst:G3} on {path}");
        Assert.That(worst, Is.GreaterThan(1e-4), "bf16 weights must actually change the logits (else the fp32 matrices were used)");
    }

    [Test]
    public void BackendNamesCarryThePrecisionAndParseBack()
    {
        var weights = WaveNetWeights.Random(Conditioned, seed: 1);
        Assert.That(new FastWaveNet(weights, KernelPath.Vector128).Backend, Is.EqualTo("Vector128"), "fp32 names are unchanged (older sidecars)");
        Assert.That(new FastWaveNet(weights, KernelPath.Vector128, WeightPrecision.BFloat16).Backend, Is.EqualTo("Vector128+bf16"));
        Assert.That(FastWaveNet.ParseBackend("Vector256+bf16"), Is.EqualTo((KernelPath.Vector256, WeightPrecision.BFloat16)));
        Assert.That(FastWaveNet.ParseBackend("Vector512"), Is.EqualTo((KernelPath.Vector512, WeightPrecision.Float32)));
        Assert.That(() => FastWaveNet.ParseBackend("Vector512+int8"), Throws.ArgumentException.With.Message.Contains("int8"));
        Assert.That(WeightPrecisions.Parse("BF16"), Is.EqualTo(WeightPrecision.BFloat16));
    }
}
