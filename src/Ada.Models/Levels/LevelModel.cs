using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>A trainable level of the hierarchy: an ADA (encoder + quantiser + modulator + decoder), a plain WaveNet or a transformer prior.</summary>
public abstract class LevelModel(string name, ModelConfig config) : nn.Module(name)
{
    /// <summary>The architecture this model was built from.</summary>
    public ModelConfig Config { get; } = config;

    /// <summary>Device the weights live on.</summary>
    public Device Device => parameters().First().device;

    /// <summary>classes (B, T) int64 of this level's signal → loss terms; T must be a multiple of the hop.</summary>
    public abstract LossOutput Loss(Tensor classes);

    /// <summary>Builds the model a (validated) config describes, with weights from the current torch seed.</summary>
    public static LevelModel Create(ModelConfig config)
    {
        config.Validate("model");
        return config.Kind switch
        {
            ModelKind.WaveNet => new PlainWaveNet(config),
            ModelKind.Transformer => new TransformerPrior(config),
            _ => new AdaLevel(config),
        };
    }

    /// <summary>Names and shapes of every parameter a config implies, sorted by name (the canonical checkpoint order).</summary>
    public static IReadOnlyList<WeightSpec> Layout(ModelConfig config)
    {
        if (config.Kind == ModelKind.Transformer)
            return Sorted(CausalTransformer.Layout(config.Transformer!, config.Classes).Select(w => w.Under("transformer")));
        var decoder = WaveNet.Layout(config.WaveNet, config.Classes).Select(w => w.Under("decoder"));
        return Sorted(ModelKind.IsAda(config.Kind) ? decoder.Concat(AdaLevel.AutoencoderLayout(config)) : decoder);
    }

    static List<WeightSpec> Sorted(IEnumerable<WeightSpec> weights) => weights.OrderBy(w => w.Name, StringComparer.Ordinal).ToList();

    /// <summary>Parameters sorted by name (the canonical checkpoint order).</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> SortedParameters() =>
        named_parameters().OrderBy(p => p.name, StringComparer.Ordinal).ToList();

    /// <summary>Every weight as a CPU float32 copy, sorted by name.</summary>
    public IReadOnlyList<NamedWeight> NamedWeights() =>
        SortedParameters().Select(p => TensorData.ToNamedWeight(p.Name, p.Parameter)).ToList();

    /// <summary>The loss of a model with no regulariser: {"nll"} in bits per sample, total = nll.</summary>
    protected static LossOutput NllOnly(Tensor logits, Tensor classes)
    {
        var nll = NllBits(logits, classes);
        return new(nll, new Dictionary<string, Tensor> { ["nll"] = nll }, null);
    }

    /// <summary>Mean cross-entropy of time-major logits (B, T, Q) against classes (B, T), in bits per sample.</summary>
    protected static Tensor NllBits(Tensor logits, Tensor classes) =>
        F.cross_entropy(logits.reshape(-1, logits.shape[2]), classes.reshape(-1)).DividedBy(Math.Log(2));
}
