namespace Ada.Audio.Tests;

/// <summary>The resampler's dot product: accurate, and bit-identical wherever the data sits in memory.</summary>
public class DeterministicDotTests
{
    [Test]
    public void MatchesADoublePrecisionDotWithinFloatRounding([Values(1, 7, 8, 9, 96, 281)] int n)
    {
        var random = new Random(n);
        var a = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        double exact = a.Zip(b, (x, y) => (double)x * y).Sum();
        Assert.That(DeterministicDot.Dot(a, b), Is.EqualTo(exact).Within(1e-5));
    }

    [Test]
    public void ResultDoesNotDependOnTheDataOffset()
    {
        var random = new Random(1);
        var a = Enumerable.Range(0, 96).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var b = Enumerable.Range(0, 96).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float reference = DeterministicDot.Dot(a, b);
        for (int offset = 1; offset < 16; offset++)
        {
            var shiftedA = new float[96 + offset];
            var shiftedB = new float[96 + offset];
            a.CopyTo(shiftedA, offset);
            b.CopyTo(shiftedB, offset);
            Assert.That(DeterministicDot.Dot(shiftedA.AsSpan(offset), shiftedB.AsSpan(offset)), Is.EqualTo(reference), $"offset {offset}");
        }
    }
}
