namespace Ada.Models.Tests;

public class SamplingTests
{
    [Test]
    public void SplitMix64MatchesTheReferenceSequenceForSeedZero()
    {
        // first outputs of Vigna's splitmix64.c with x = 0
        var rng = new SampleRng(0);
        Assert.That(rng.Next(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(rng.Next(), Is.EqualTo(0x6E789E6AA1B965F4UL));
        Assert.That(rng.Next(), Is.EqualTo(0x06C45D188009454FUL));
    }

    [Test]
    public void CategoricalFollowsSoftmaxFrequenciesAndTemperatureZeroIsArgmax()
    {
        var rng = SampleRng.ForStream(5, 1);
        float[] logits = [0f, MathF.Log(3f), -30f];  // p ≈ (¼, ¾, 0)
        var counts = new int[3];
        for (var i = 0; i < 20000; i++) counts[rng.Categorical(logits, 1f)]++;
        Assert.That(counts[1] / 20000.0, Is.EqualTo(0.75).Within(0.015));
        Assert.That(counts[2], Is.EqualTo(0));
        Assert.That(rng.Categorical([1f, 5f, 2f], 0f), Is.EqualTo(1));
        // temperature 2 flattens (¼, ¾) to weights (1, √3): p1 = √3 / (1 + √3) ≈ 0.634
        counts = new int[3];
        for (var i = 0; i < 20000; i++) counts[rng.Categorical(logits, 2f)]++;
        Assert.That(counts[1] / 20000.0, Is.EqualTo(Math.Sqrt(3) / (1 + Math.Sqrt(3))).Within(0.015));
    }

    [Test]
    public void StreamsOfOneSeedDiffer()
    {
        Assert.That(SampleRng.ForStream(1, 0).Next(), Is.Not.EqualTo(SampleRng.ForStream(1, 1).Next()));
        Assert.That(SampleRng.ForStream(1, 2).Next(), Is.EqualTo(SampleRng.ForStream(1, 2).Next()));
    }
}
