using Ada.Inference;
using Ada.Inference.Kernels;
using static TorchSharp.torch;

namespace Ada.Models.Tests;

/// <summary>The teacher-forced NLL of the fast sampler (what `ada eval precision` reports) is the training graph's NLL.</summary>
[TestFixture]
public class SamplerTeacherForcingTests
{
    [Test]
    public void FastSamplerNllEqualsTheTrainingLossOnTheLevelsOwnCodes()
    {
        var config = new ModelConfig(ModelKind.AdaAmae, 1, 256, new DecoderConfig(Layers: 6, DilationCycle: 4, Residual: 12, Gate: 10, Skip: 14),
            new AutoencoderConfig(4, 16, 8, 8, DiversityWeight: 0.01));
        var model = Tiny.Build<AdaLevel>(config, seed: 5);
        var path = Path.Combine(Tiny.TempDir(), "model.adackpt");
        Checkpoint.Write(path, model, step: 0);
        model.eval();
        using var _ = no_grad();
        const int streams = 3, length = 512;
        var classes = Tiny.RandomClasses(streams, length, seed: 11);
        double torchBits = model.Loss(classes).Terms["nll"].item<float>();

        var rows = Tiny.Longs(classes).Select(c => (int)c).Chunk(length).ToArray();
        var codes = Tiny.Longs(model.Encode(classes)).Select(c => (int)c).Chunk(length / config.Hop).ToArray();
        var weights = SamplerExport.Decoder(Checkpoint.Read(path));
        double fp32 = TeacherForcing.NllBits(new FastWaveNet(weights), rows, codes);
        double bf16 = TeacherForcing.NllBits(new FastWaveNet(weights, precision: WeightPrecision.BFloat16), rows, codes);

        Assert.That(fp32, Is.EqualTo(torchBits).Within(1e-3), "bits/sample");
        Assert.That(bf16, Is.EqualTo(fp32).Within(0.01).And.Not.EqualTo(fp32), "bf16 weights: close to fp32, not the same numbers");
    }
}
