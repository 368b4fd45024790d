using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models.Tests;

public class ConvTests
{
    // (kernel, stride, dilation, padLeft, padRight): the causal WaveNet conv, the encoder's input/residual, downsampling and 1×1 convs
    [TestCase(2, 1, 4, 4, 0)]
    [TestCase(3, 1, 1, 1, 1)]
    [TestCase(4, 2, 1, 1, 1)]
    [TestCase(1, 1, 1, 0, 0)]
    public void MatchesLibTorchConv1dOnTimeMajorInput(int kernel, int stride, int dilation, int padLeft, int padRight)
    {
        manual_seed(4);
        using var conv = new Conv(5, 7, kernel, stride, dilation, padLeft, padRight);
        var x = randn(3, 5, 32);                                                            // (B, C, T)
        using var _ = no_grad();
        var expected = F.conv1d(F.pad(x, [padLeft, padRight]), conv.weight, conv.bias, stride: stride, dilation: dilation);
        var actual = conv.forward(x.transpose(1, 2)).transpose(1, 2);
        Assert.That(actual.shape, Is.EqualTo(expected.shape));
        Assert.That(Tiny.Floats(actual), Is.EqualTo(Tiny.Floats(expected)).Within(1e-5));
    }

    [Test]
    public void InitialisationIsUniformWithinOneOverSquareRootFanIn()
    {
        manual_seed(4);
        using var conv = new Conv(16, 64, 4);
        var weights = Tiny.Floats(conv.weight);
        var bound = 1 / Math.Sqrt(16 * 4);
        Assert.That(weights.Max(), Is.LessThanOrEqualTo(bound).And.GreaterThan(0.9 * bound));
        Assert.That(weights.Min(), Is.GreaterThanOrEqualTo(-bound).And.LessThan(-0.9 * bound));
    }
}
