namespace Ada.Inference.Tests;

[TestFixture]
public class SamplingTests
{
    [Test]
    public void CounterRngIsAPureFunctionOfItsCounters()
    {
        Assert.That(CounterRng.Uniform(1, 2, 3), Is.EqualTo(CounterRng.Uniform(1, 2, 3)));
        Assert.That(CounterRng.Uniform(1, 2, 3), Is.Not.EqualTo(CounterRng.Uniform(1, 2, 4)));
        Assert.That(CounterRng.Uniform(1, 2, 3), Is.Not.EqualTo(CounterRng.Uniform(1, 3, 3)));
        var values = Enumerable.Range(0, 100_000).Select(i => CounterRng.Uniform(42, 0, (ulong)i)).ToArray();
        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0));
        Assert.That(values.Max(), Is.LessThan(1));
        Assert.That(values.Average(), Is.EqualTo(0.5).Within(0.005));
    }

    [Test]
    public void SampledFrequenciesFollowTheSoftmax()
    {
        float[] logits = { 0f, MathF.Log(2), MathF.Log(5), -100f };   // probabilities 1/8, 2/8, 5/8, ~0
        var scratch = new float[4];
        var counts = new int[4];
        const int n = 80_000;
        for (int i = 0; i < n; i++) counts[CategoricalSampler.Sample(logits, 1f, CounterRng.Uniform(7, 0, (ulong)i), scratch)]++;
        Assert.That(counts[0] / (double)n, Is.EqualTo(0.125).Within(0.01));
        Assert.That(counts[1] / (double)n, Is.EqualTo(0.25).Within(0.01));
        Assert.That(counts[2] / (double)n, Is.EqualTo(0.625).Within(0.01));
        Assert.That(counts[3], Is.EqualTo(0));
    }

    [Test]
    public void TemperatureSharpensAndZeroIsArgmax()
    {
        float[] logits = { 0f, 1f, 0.5f };
        var scratch = new float[3];
        Assert.That(CategoricalSampler.Sample(logits, 0f, 0.99, scratch), Is.EqualTo(1));
        int cold = Enumerable.Range(0, 10_000).Count(i => CategoricalSampler.Sample(logits, 0.1f, CounterRng.Uniform(1, 0, (ulong)i), scratch) == 1);
        int warm = Enumerable.Range(0, 10_000).Count(i => CategoricalSampler.Sample(logits, 1f, CounterRng.Uniform(1, 0, (ulong)i), scratch) == 1);
        Assert.That(cold, Is.GreaterThan(9900));
        Assert.That(warm, Is.InRange(4000, 6000));
    }
}
