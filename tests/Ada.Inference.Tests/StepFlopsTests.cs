namespace Ada.Inference.Tests;

[TestFixture]
public class StepFlopsTests
{
    [Test]
    public void PhasesMatchAHandCountOfATinySpec()
    {
        // Q=4, R=2, G=3, S=5, two layers.
        var flops = StepFlops.Of(new WaveNetSpec(Classes: 4, Residual: 2, Gate: 3, Skip: 5, Layers: 2, DilationCycle: 2));
        Assert.Multiple(() =>
        {
            Assert.That(flops.Embedding, Is.EqualTo(0));
            Assert.That(flops.Dilated, Is.EqualTo(2 * (4 * 6 * 2)));        // per layer 4 inputs (2 taps × R) × 6 outputs (2G) FMAs
            Assert.That(flops.Gate, Is.EqualTo(2 * (9 + 2 + 5)));           // tanh, sigmoid, product over G; residual and skip bias adds
            Assert.That(flops.Residual, Is.EqualTo(2 * (3 * 2 * 2)));       // 3 → 2, every layer
            Assert.That(flops.Skip, Is.EqualTo(2 * (3 * 5 * 2)));           // 3 → 5
            Assert.That(flops.Head, Is.EqualTo(5 + 5 * 5 * 2 + 5 + 5 * 4 * 2));
            Assert.That(flops.Sampling, Is.EqualTo(6 * 4));
            Assert.That(flops.Total, Is.EqualTo(96 + 32 + 24 + 60 + 100 + 24));
        });
    }

    [Test]
    public void KernelFlopsAreTwiceTheSpecsMultiplyAdds()
    {
        var spec = new WaveNetSpec(Classes: 256, Residual: 64, Gate: 64, Skip: 128, Layers: 30, DilationCycle: 10);
        var flops = StepFlops.Of(spec);
        Assert.That(flops.Dilated + flops.Residual + flops.Skip + flops.Head - 2 * spec.Skip, Is.EqualTo(2 * spec.MultiplyAddsPerStep));
    }
}
