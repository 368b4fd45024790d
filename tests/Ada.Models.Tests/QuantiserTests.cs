using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class QuantiserTests
{
    // queries (B=1, k=2, F=2) whose normalised columns are the given q vectors
    static Tensor Queries(params float[][] frames) =>
        tensor(frames.SelectMany(f => f).ToArray(), [1, frames.Length, 2]).permute(0, 2, 1);

    [Test]
    public void DiversityIsZeroAtUniformUseAndMatchesTheHandValueWhenSkewed()
    {
        using var amae = new AmaeQuantiser(2);
        // frames q = (1, 0) and (0, 1): q̄ = (½, ½) → Σ (2·½ − 1)² = 0
        var uniform = amae.forward(Queries([3f, 0f], [0f, 5f]));
        Assert.That(uniform.Losses["diversity"].item<float>(), Is.EqualTo(0f).Within(1e-6));
        // frames q = (1, 0) and (½, ½): q̄ = (¾, ¼) → (1.5 − 1)² + (0.5 − 1)² = 0.5
        var skewed = amae.forward(Queries([2f, 0f], [1f, 1f]));
        Assert.That(skewed.Losses["diversity"].item<float>(), Is.EqualTo(0.5f).Within(1e-5));
    }

    [Test]
    public void AmaeQuantisesToTheArgmaxOneHotAndIgnoresNegativeQueries()
    {
        using var amae = new AmaeQuantiser(2);
        var output = amae.forward(Queries([-4f, 1f], [3f, 1f]));
        Assert.That(Tiny.Longs(output.Codes), Is.EqualTo(new long[] { 1, 0 }));
        // (B, k, F) flattened: code channel 0 = (0, 1), channel 1 = (1, 0)
        Assert.That(Tiny.Floats(output.Quantised), Is.EqualTo(new[] { 0f, 1f, 1f, 0f }).Within(1e-6));
    }

    [Test]
    public void VqPicksTheNearestCodebookVectorAndReportsCollapse()
    {
        using var vq = new VqQuantiser(4, 2);
        using (no_grad()) vq.codebook.copy_(tensor(new float[] { 0, 0, 1, 0, 0, 1, 5, 5 }, [4, 2]));
        manual_seed(2);
        // 30 queries scattered within 0.1 of codebook vector 3 = (5, 5)
        var queries = (tensor(new float[] { 5, 5 }).reshape(1, 2, 1) + 0.1 * (rand(3, 2, 10) - 0.5));
        var output = vq.forward(queries);
        Assert.That(Tiny.Longs(output.Codes), Is.All.EqualTo(3L));
        var usage = CodeUsage.Of(output.Codes, 4);
        Assert.That(usage.FractionUsed, Is.EqualTo(0.25));
        Assert.That(usage.Perplexity, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(usage.PerplexityRatio, Is.EqualTo(0.25).Within(1e-12));
        // straight-through value is the codebook vector itself
        Assert.That(Tiny.Floats(output.Quantised.permute(0, 2, 1).reshape(-1, 2)[0]), Is.EqualTo(new[] { 5f, 5f }).Within(1e-5));
    }

    [Test]
    public void VqLossesAreMeanSquaredDistancesToTheChosenVector()
    {
        using var vq = new VqQuantiser(2, 1);
        using (no_grad()) vq.codebook.copy_(tensor(new float[] { 0, 10 }, [2, 1]));
        // queries 1 and 7 → nearest 0 and 10: squared errors 1 and 9, mean 5
        var output = vq.forward(tensor(new float[] { 1, 7 }, [1, 1, 2]));
        Assert.That(output.Losses["codebook"].item<float>(), Is.EqualTo(5f).Within(1e-5));
        Assert.That(output.Losses["commitment"].item<float>(), Is.EqualTo(5f).Within(1e-5));
    }

    [Test]
    public void UsageOfHalfTheCodesEquallyHasPerplexityTwoOfFour()
    {
        var usage = CodeUsage.Of(tensor(new long[] { 0, 0, 1, 1 }), 4);
        Assert.That(usage.Counts, Is.EqualTo(new long[] { 2, 2, 0, 0 }));
        Assert.That(usage.Perplexity, Is.EqualTo(2.0).Within(1e-12));
        Assert.That(usage.PerplexityRatio, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(usage.FractionUsed, Is.EqualTo(0.5));
    }

    [TestCase(ModelKind.AdaAmae)]
    [TestCase(ModelKind.AdaVq)]
    public void StraightThroughGradientsOfTheNllReachTheEncoder(string kind)
    {
        var config = kind == ModelKind.AdaAmae ? Tiny.Amae() : Tiny.Vq();
        using var model = Tiny.Build<AdaLevel>(config);
        model.Loss(Tiny.RandomClasses(2, 32)).Terms["nll"].backward();
        var encoderGrads = model.named_parameters().Where(p => p.name.StartsWith("encoder.")).ToList();
        Assert.That(encoderGrads, Is.Not.Empty);
        foreach (var (name, p) in encoderGrads)
            Assert.That(p.grad is null ? 0 : p.grad.abs().sum().item<float>(), Is.GreaterThan(0f), name);
    }
}
