using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class WaveNetTests
{
    static WaveNet Net(int seed = 1)
    {
        manual_seed(seed);
        return new WaveNet(Tiny.Decoder, 256, 128);
    }

    [Test]
    public void LogitsHaveShapeBQTAndReceptiveFieldIsOnePlusSumOfDilations()
    {
        using var net = Net();
        var logits = net.forward(Tiny.RandomClasses(3, 20));
        Assert.That(logits.shape, Is.EqualTo(new long[] { 3, 256, 20 }));
        Assert.That(net.ReceptiveField, Is.EqualTo(1 + 1 + 2 + 4 + 1));
        Assert.That(net.ConditionChannels, Is.EqualTo(4 * 2 * 6));
    }

    static float[] LogitsAt(WaveNet net, Tensor x, int t) => Tiny.Floats(net.forward(x)[.., .., t]);

    static Tensor Perturbed(Tensor x, int position)
    {
        var y = x.clone();
        y[0, position] = (y[0, position] + 77) % 256;
        return y;
    }

    [Test]
    public void PerturbationExactlyReceptiveFieldBackChangesTheLogitsButOneFurtherDoesNot()
    {
        using var net = Net();
        using var _ = no_grad();
        var x = Tiny.RandomClasses(1, 40);
        const int t = 30;
        var rf = net.ReceptiveField;
        var reference = LogitsAt(net, x, t);
        Assert.That(LogitsAt(net, Perturbed(x, t - rf), t), Is.Not.EqualTo(reference));
        Assert.That(LogitsAt(net, Perturbed(x, t - rf - 1), t), Is.EqualTo(reference));
    }

    [Test]
    public void LogitsAtTDependOnlyOnSamplesBeforeT()
    {
        using var net = Net();
        using var _ = no_grad();
        var x = Tiny.RandomClasses(1, 40);
        const int t = 20;
        var reference = LogitsAt(net, x, t);
        Assert.That(LogitsAt(net, Perturbed(x, t), t), Is.EqualTo(reference), "x[t] itself must not leak");
        Assert.That(LogitsAt(net, Perturbed(x, 35), t), Is.EqualTo(reference));
        Assert.That(LogitsAt(net, Perturbed(x, t - 1), t), Is.Not.EqualTo(reference), "x[t−1] must be visible");
    }

    [Test]
    public void FirstLogitsSeeOnlyThePadClass()
    {
        using var net = Net();
        using var _ = no_grad();
        var a = net.forward(Tiny.RandomClasses(1, 12, seed: 5));
        var b = net.forward(Tiny.RandomClasses(1, 12, seed: 6));
        Assert.That(Tiny.Floats(a[.., .., 0]), Is.EqualTo(Tiny.Floats(b[.., .., 0])));
    }

    [Test]
    public void PerFrameConditioningEqualsTheSameConditioningRepeatedPerSample()
    {
        using var net = Net();
        using var _ = no_grad();
        const int hop = 4;
        var x = Tiny.RandomClasses(2, 24);
        manual_seed(9);
        var cond = randn(2, net.ConditionChannels, 24 / hop);
        var perFrame = net.forward(x, cond);
        var perSample = net.forward(x, cond.repeat_interleave(hop, 2));
        Assert.That(Tiny.Floats(perFrame), Is.EqualTo(Tiny.Floats(perSample)).Within(1e-5));
        Assert.That(Tiny.Floats(perFrame), Is.Not.EqualTo(Tiny.Floats(net.forward(x))).Within(1e-3), "conditioning must matter");
    }

    [Test]
    public void StepperReproducesTheWholeSequenceLogits()
    {
        using var net = Net();
        using var _ = no_grad();
        const int hop = 4, length = 24;
        var x = Tiny.RandomClasses(2, length);
        manual_seed(9);
        var cond = randn(2, net.ConditionChannels, length / hop);
        var whole = net.forward(x, cond);                                      // (B, Q, T)
        using var stepper = new WaveNetStepper(net, 2);
        for (var t = 0; t < length; t++)
        {
            var input = t == 0 ? full(2, 128L, dtype: ScalarType.Int64) : x[.., t - 1];
            var step = stepper.Step(input, cond[.., .., t / hop]);             // (B, Q)
            Assert.That(Tiny.Floats(step), Is.EqualTo(Tiny.Floats(whole[.., .., t])).Within(1e-4), $"t = {t}");
        }
    }
}
