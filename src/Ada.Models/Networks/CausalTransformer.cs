using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>The transformer prior of docs/MODEL.md: pre-norm blocks, rotary positions, attention over a sliding window.</summary>
/// <remarks>Rotary positions make attention depend only on the distance between two tokens, so a model trained on crops of
/// <see cref="TransformerConfig.Context"/> tokens samples a take of any length by sliding that window, as WaveNet slides its
/// receptive field.</remarks>
public sealed class CausalTransformer : nn.Module
{
    internal readonly Embedding embed;
    internal readonly ModuleList<TransformerBlock> layers;
    internal readonly LayerNorm norm;
    internal readonly Linear head;

    /// <summary>Sizes of the network.</summary>
    public TransformerConfig Config { get; }

    /// <summary>Class that stands in for x[−1].</summary>
    public int PadClass { get; }

    /// <summary>Creates a transformer over <paramref name="classes"/> classes.</summary>
    public CausalTransformer(TransformerConfig config, int classes, int padClass) : base("transformer")
    {
        Config = config;
        PadClass = padClass;
        embed = nn.Embedding(classes, config.Width);
        layers = new ModuleList<TransformerBlock>(Enumerable.Range(0, config.Layers).Select(_ => new TransformerBlock(config)).ToArray());
        norm = nn.LayerNorm(config.Width);
        head = nn.Linear(config.Width, classes);
        RegisterComponents();
    }

    /// <summary>Parameter names and shapes, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(TransformerConfig c, int classes) =>
        new[] { new WeightSpec("embed.weight", [classes, c.Width]) }
            .Concat(Enumerable.Range(0, c.Layers).SelectMany(l => TransformerBlock.Layout(c).Select(w => w.Under($"layers.{l}"))))
            .Concat(WeightSpec.Norm("norm", c.Width))
            .Concat(WeightSpec.Linear("head", c.Width, classes));

    /// <summary>Device the weights live on.</summary>
    public Device Device => embed.weight!.device;

    /// <summary>classes (B, T) int64 → logits (B, T, Q); logits[t] predict x[t] from x[t − Context .. t − 1].</summary>
    public Tensor TimeMajorLogits(Tensor classes)
    {
        var t = classes.shape[1];
        var h = embed.forward(WaveNet.ShiftRight(classes, PadClass));              // (B, T, W)
        var (cos, sin) = Rotary.Tables(Config.HeadWidth, t, Device);
        var mask = WindowMask(t, Config.Context, Device);
        foreach (var block in layers) h = block.forward(h, cos, sin, mask);
        return head.forward(norm.forward(h));
    }

    /// <summary>(T, T) additive mask: 0 where 0 ≤ t − j &lt; window, −∞ elsewhere.</summary>
    static Tensor WindowMask(long t, int window, Device device)
    {
        var all = ones(t, t, device: device);
        // tril(0) − tril(−window) keeps the band 0 ≤ t − j < window; log turns {1, 0} into {0, −∞} with no Scalar constant
        return all.tril(0).sub(all.tril(-window)).log();
    }
}
