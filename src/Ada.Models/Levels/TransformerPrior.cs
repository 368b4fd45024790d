using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Causal transformer as a level model: the alternative top prior over the codes of the level below.</summary>
public sealed class TransformerPrior : LevelModel
{
    internal readonly CausalTransformer transformer;

    /// <summary>Builds a transformer prior over the config's signal.</summary>
    public TransformerPrior(ModelConfig config) : base("prior", config)
    {
        if (config.Kind != ModelKind.Transformer || config.Transformer is null)
            throw new ArgumentException($"TransformerPrior needs kind '{ModelKind.Transformer}' with a transformer section, got '{config.Kind}'");
        transformer = new CausalTransformer(config.Transformer, config.Classes, config.PadClass);
        RegisterComponents();
    }

    /// <summary>The network.</summary>
    public CausalTransformer Network => transformer;

    /// <summary>classes (B, T) → {"nll"} in bits per token; total = nll.</summary>
    public override LossOutput Loss(Tensor classes) => NllOnly(transformer.TimeMajorLogits(classes), classes);
}
