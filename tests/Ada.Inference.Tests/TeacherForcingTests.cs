namespace Ada.Inference.Tests;

[TestFixture]
public class TeacherForcingTests
{
    static readonly WaveNetSpec Conditioned = new(Classes: 64, Residual: 8, Gate: 8, Skip: 16, Layers: 5, DilationCycle: 3, CondClasses: 6, Hop: 4, PadClass: 32);

    [Test]
    public void NllIsTheMeanMinusLog2OfTheTrueClassUnderTheReferenceNet()
    {
        var weights = WaveNetWeights.Random(Conditioned, seed: 2);
        var rng = new Random(5);
        const int streams = 3, length = 50;
        var classes = Enumerable.Range(0, streams).Select(_ => Enumerable.Range(0, length).Select(_ => rng.Next(Conditioned.Classes)).ToArray()).ToArray();
        var codes = Enumerable.Range(0, streams).Select(_ => Enumerable.Range(0, length / Conditioned.Hop + 1).Select(_ => rng.Next(Conditioned.CondClasses)).ToArray()).ToArray();

        double bits = 0;
        for (int b = 0; b < streams; b++)
        {
            var reference = new ReferenceWaveNet(weights);
            for (int t = 0; t < length; t++)
            {
                var logits = reference.Step(t == 0 ? Conditioned.PadClass : classes[b][t - 1], codes[b][t / Conditioned.Hop]);
                double sum = logits.Sum(z => Math.Exp(z));
                bits -= Math.Log2(Math.Exp(logits[classes[b][t]]) / sum);
            }
        }
        double expected = bits / (streams * length);

        Assert.That(TeacherForcing.NllBits(new FastWaveNet(weights), classes, codes), Is.EqualTo(expected).Within(1e-5));
        Assert.That(expected, Is.GreaterThan(1).And.LessThan(10), "random weights on random classes: a few bits, not zero");
    }

    [Test]
    public void RejectsMissingCodesAndRaggedSequences()
    {
        var net = new FastWaveNet(WaveNetWeights.Random(Conditioned, seed: 2));
        Assert.That(() => TeacherForcing.NllBits(net, [new int[8]], null), Throws.ArgumentException.With.Message.Contains("needs frame codes"));
        Assert.That(() => TeacherForcing.NllBits(net, [new int[8], new int[7]], [new int[2], new int[2]]), Throws.ArgumentException.With.Message.Contains("differ in length"));
        Assert.That(() => TeacherForcing.NllBits(net, [new int[9]], [new int[2]]), Throws.ArgumentException.With.Message.Contains("one code per 4 samples"));
    }
}
