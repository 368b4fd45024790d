using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Unconditional WaveNet as a level model: the top prior over codes, or the plain audio baseline at level 1.</summary>
public sealed class PlainWaveNet : LevelModel
{
    internal readonly WaveNet decoder;

    /// <summary>Builds an unconditional WaveNet over the config's signal.</summary>
    public PlainWaveNet(ModelConfig config) : base("plain", config)
    {
        if (config.Kind != ModelKind.WaveNet) throw new ArgumentException($"PlainWaveNet needs kind '{ModelKind.WaveNet}', got '{config.Kind}'");
        decoder = new WaveNet(config.WaveNet, config.Classes, config.PadClass);
        RegisterComponents();
    }

    /// <summary>The autoregressive local model over this level's signal.</summary>
    public WaveNet Decoder => decoder;

    /// <summary>classes (B, T) → {"nll"} in bits per sample; total = nll.</summary>
    public override LossOutput Loss(Tensor classes) => NllOnly(decoder.TimeMajorLogits(classes), classes);

    /// <summary>Samples (B, length) classes step by step (reference sampler, RNG stream = this level).</summary>
    public Tensor Sample(int batch, long length, SamplingOptions options) =>
        ReferenceSampler.Sample(decoder, batch, length, null, options, Config.Level);
}
