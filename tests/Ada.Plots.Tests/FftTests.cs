using System.Numerics;

namespace Ada.Plots.Tests;

public class FftTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(8)]
    [TestCase(256)]
    [TestCase(1024)]
    public void MatchesNaiveDftOnRandomInput(int n)
    {
        var random = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => new Complex(random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1)).ToArray();
        var expected = NaiveDft(x);

        var actual = x.ToArray();
        new Fft(n).Forward(actual);

        for (int k = 0; k < n; k++)
            Assert.That((actual[k] - expected[k]).Magnitude, Is.LessThan(1e-4), $"bin {k}");
    }

    [TestCase(0)]
    [TestCase(12)]
    [TestCase(1000)]
    public void RejectsSizesThatAreNotPowersOfTwo(int n)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Fft(n));
        Assert.That(error!.Message, Does.Contain("power of two"));
    }

    [Test]
    public void RejectsBufferOfWrongLength()
    {
        var error = Assert.Throws<ArgumentException>(() => new Fft(16).Forward(new Complex[8]));
        Assert.That(error!.Message, Does.Contain("expected 16 values, got 8"));
    }

    static Complex[] NaiveDft(Complex[] x) =>
        Enumerable.Range(0, x.Length).Select(k =>
            x.Select((v, n) => v * Complex.FromPolarCoordinates(1, -2 * Math.PI * k * n / x.Length)).Aggregate(Complex.Zero, (a, b) => a + b))
        .ToArray();
}
