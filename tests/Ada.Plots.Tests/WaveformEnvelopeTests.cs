namespace Ada.Plots.Tests;

public class WaveformEnvelopeTests
{
    [Test]
    public void EachColumnHoldsTheMinimumAndMaximumOfItsSpan()
    {
        // Column c covers samples 100c..100c+99, whose values are c - 0.5 + i/100 for i = 0..99.
        var x = Enumerable.Range(0, 1000).Select(i => (float)(i / 100 - 0.5 + i % 100 / 100.0)).ToArray();

        var e = WaveformEnvelope.Compute(x, 1000, 10);

        for (int c = 0; c < 10; c++)
        {
            Assert.That(e.Min[c], Is.EqualTo(c - 0.5).Within(1e-6), $"column {c}");
            Assert.That(e.Max[c], Is.EqualTo(c + 0.49).Within(1e-6), $"column {c}");
            Assert.That(e.Times[c], Is.EqualTo((100 * c + 50) / 1000.0).Within(1e-12), $"column {c}");
        }
    }

    [Test]
    public void FewerSamplesThanColumnsRepeatsSamplesInsteadOfLeavingGaps()
    {
        float[] x = [0.25f, -0.75f];

        var e = WaveformEnvelope.Compute(x, 8000, 8);

        Assert.That(e.Min.Take(4), Is.All.EqualTo(0.25));
        Assert.That(e.Max.Skip(4), Is.All.EqualTo(-0.75));
    }
}
