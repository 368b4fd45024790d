using static TorchSharp.torch;

namespace Ada.Models.Tests;

public class AdamTests
{
    [Test]
    public void MatchesTorchAdamOverSeveralSteps()
    {
        using var ours = Tiny.Build<PlainWaveNet>(Tiny.WaveNet());
        using var theirs = Tiny.Build<PlainWaveNet>(Tiny.WaveNet());
        using var adam = new AdamOptimizer(ours.SortedParameters(), 0.01);
        var reference = optim.Adam(theirs.SortedParameters().Select(p => p.Parameter), 0.01);
        for (var step = 0; step < 3; step++)
        {
            var x = Tiny.RandomClasses(2, 24, seed: step);
            adam.ZeroGrad();
            ours.Loss(x).Total.backward();
            adam.Step();
            reference.zero_grad();
            theirs.Loss(x).Total.backward();
            reference.step();
        }
        Assert.That(adam.State.Step, Is.EqualTo(3));
        var (a, b) = (ours.NamedWeights(), theirs.NamedWeights());
        for (var i = 0; i < a.Count; i++)
            Assert.That(a[i].Values, Is.EqualTo(b[i].Values).Within(1e-6), a[i].Name);
        Assert.That(a[0].Values, Is.Not.EqualTo(Tiny.Build<PlainWaveNet>(Tiny.WaveNet()).NamedWeights()[0].Values), "weights must have moved");
    }
}
