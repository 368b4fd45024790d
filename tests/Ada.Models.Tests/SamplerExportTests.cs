using Ada.Inference;
using Ada.Inference.Kernels;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models.Tests;

/// <summary>The fast C# sampler, fed weights exported from a checkpoint, reproduces the TorchSharp model's logits.</summary>
[TestFixture]
public class SamplerExportTests
{
    static readonly DecoderConfig Decoder = new(Layers: 6, DilationCycle: 4, Residual: 12, Gate: 10, Skip: 14);

    static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData(new ModelConfig(ModelKind.AdaAmae, 1, 256, Decoder, new AutoencoderConfig(4, 16, 8, 8, DiversityWeight: 0.01))).SetName("AMAE level 1");
        yield return new TestCaseData(new ModelConfig(ModelKind.AdaVq, 1, 256, Decoder, new AutoencoderConfig(4, 16, 8, 8, CodeDim: 5, CommitmentBeta: 0.25))).SetName("VQ-VAE level 1");
        yield return new TestCaseData(new ModelConfig(ModelKind.AdaAmae, 2, 16, Decoder, new AutoencoderConfig(8, 6, 8, 8, DiversityWeight: 0.01))).SetName("AMAE level 2");
        yield return new TestCaseData(new ModelConfig(ModelKind.WaveNet, 2, 16, Decoder)).SetName("top prior");
    }

    [TestCaseSource(nameof(Models))]
    public void FastSamplerLogitsMatchTorchSharpForThousandsOfSteps(ModelConfig config)
    {
        const int steps = 3000;
        var model = Tiny.Build<LevelModel>(config, seed: 5);
        var path = Path.Combine(Tiny.TempDir(), "model.adackpt");
        Checkpoint.Write(path, model, step: 0);
        var weights = SamplerExport.Decoder(Checkpoint.Read(path));

        using var _ = no_grad();
        var classes = Tiny.RandomClasses(1, steps, config.Classes, seed: 11);
        int hop = config.Hop;
        var codes = ModelKind.IsAda(config.Kind) ? Tiny.RandomClasses(1, steps / hop, config.Autoencoder!.Codes, seed: 12) : null;
        var decoder = model is AdaLevel ada ? ada.Decoder : ((PlainWaveNet)model).Decoder;
        var logits = Tiny.Floats(decoder.forward(classes, codes is null ? null : Conditioning((AdaLevel)model, codes)).squeeze(0).t()); // (T, Q)

        foreach (var path2 in Enum.GetValues<KernelPath>().Where(KernelPaths.IsSupported))
        {
            var fast = new FastWaveNet(weights, path2);
            var state = fast.CreateState(1);
            var x = Tiny.Longs(classes);
            var c = codes is null ? null : Tiny.Longs(codes);
            var step = new float[config.Classes];
            double worst = 0;
            for (int t = 0; t < steps; t++)
            {
                int previous = t == 0 ? config.PadClass : (int)x[t - 1];
                fast.Step(state, new[] { previous }, new[] { c is null ? 0 : (int)c[t / hop] }, step);
                for (int q = 0; q < config.Classes; q++) worst = Math.Max(worst, Math.Abs(step[q] - logits[t * config.Classes + q]));
            }
            Assert.That(worst, Is.LessThan(1e-4), $"{path2}: worst logit difference over {steps} steps");
        }
    }

    [Test]
    public void ExportCarriesTheSpecOfTheCheckpoint()
    {
        var config = new ModelConfig(ModelKind.AdaAmae, 1, 256, Decoder, new AutoencoderConfig(8, 32, 8, 8, DiversityWeight: 0.01));
        var path = Path.Combine(Tiny.TempDir(), "m.adackpt");
        Checkpoint.Write(path, Tiny.Build<LevelModel>(config), step: 3);
        var spec = SamplerExport.Decoder(Checkpoint.Read(path)).Spec;
        Assert.That(spec, Is.EqualTo(new WaveNetSpec(256, 12, 10, 14, 6, 4, CondClasses: 32, Hop: 8, PadClass: 128)));
        Assert.That(spec.ReceptiveField, Is.EqualTo(Decoder.ReceptiveField));
    }

    [Test]
    public void ATransformerPriorIsRefusedWithAnErrorNamingTheCheckpoint()
    {
        var path = Path.Combine(Tiny.TempDir(), "prior.adackpt");
        Checkpoint.Write(path, Tiny.Build<LevelModel>(Tiny.Transformer()), step: 1);
        var error = Assert.Throws<CheckpointException>(() => SamplerExport.Decoder(Checkpoint.Read(path)));
        Assert.That(error!.Message, Does.Contain(path).And.Contain("'transformer' prior cannot be sampled"));
    }

    /// <summary>What the decoder sees for given codes: the modulator over the quantised code vectors (B, L·2G, F).</summary>
    static Tensor Conditioning(AdaLevel level, Tensor codes)
    {
        var vectors = level.Config.Kind == ModelKind.AdaVq
            ? level.quantiser is VqQuantiser vq ? vq.codebook[codes].permute(0, 2, 1) : throw new InvalidOperationException()
            : F.one_hot(codes, level.Codes).permute(0, 2, 1).to_type(ScalarType.Float32);
        return level.modulator.forward(vectors);
    }
}
