using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class EncoderTests
{
    [TestCase(8)]
    [TestCase(16)]
    [TestCase(32)]
    [TestCase(64)]
    public void OutputHasOneFramePerHop(int hop)
    {
        manual_seed(1);
        using var encoder = new Encoder(1, 4, 6, hop);
        var output = encoder.forward(randn(2, 1, hop * 5));
        Assert.That(output.shape, Is.EqualTo(new long[] { 2, 6, 5 }));
        Assert.That(encoder.down.Count, Is.EqualTo((int)Math.Log2(hop)));
    }

    [Test]
    public void EncoderIsNonCausalAndRejectsLengthsThatAreNotAMultipleOfTheHop()
    {
        manual_seed(1);
        using var encoder = new Encoder(1, 4, 3, 8);
        using var _ = no_grad();
        var x = randn(1, 1, 64);
        var y = x.clone();
        y[0, 0, 20] += 1;   // sample 20 lies in frame 2; a non-causal encoder lets it reach frame 1 too
        var (a, b) = (encoder.forward(x), encoder.forward(y));
        Assert.That(Tiny.Floats(a[.., .., 1]), Is.Not.EqualTo(Tiny.Floats(b[.., .., 1])));
        Assert.That(() => encoder.forward(randn(1, 1, 60)), Throws.ArgumentException.With.Message.Contains("not a multiple of the hop 8"));
    }
}
