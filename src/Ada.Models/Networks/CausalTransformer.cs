using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

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

/// <summary>One pre-norm block: x + Attention(LN(x)), then x + MLP(LN(x)) with a SiLU feed-forward of 4 × width.</summary>
public sealed class TransformerBlock : nn.Module
{
    internal readonly LayerNorm norm1;
    internal readonly Linear qkv;
    internal readonly Linear proj;
    internal readonly LayerNorm norm2;
    internal readonly Linear fc1;
    internal readonly Linear fc2;
    readonly int heads;

    /// <summary>Creates a block of the config's width and heads.</summary>
    public TransformerBlock(TransformerConfig c) : base("block")
    {
        norm1 = nn.LayerNorm(c.Width);
        qkv = nn.Linear(c.Width, 3 * c.Width);
        proj = nn.Linear(c.Width, c.Width);
        norm2 = nn.LayerNorm(c.Width);
        fc1 = nn.Linear(c.Width, c.Hidden);
        fc2 = nn.Linear(c.Hidden, c.Width);
        heads = c.Heads;
        RegisterComponents();
    }

    /// <summary>Parameter names and shapes of one block, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(TransformerConfig c) =>
        WeightSpec.Norm("norm1", c.Width)
            .Concat(WeightSpec.Linear("qkv", c.Width, 3 * c.Width))
            .Concat(WeightSpec.Linear("proj", c.Width, c.Width))
            .Concat(WeightSpec.Norm("norm2", c.Width))
            .Concat(WeightSpec.Linear("fc1", c.Width, c.Hidden))
            .Concat(WeightSpec.Linear("fc2", c.Hidden, c.Width));

    /// <summary>x (B, T, W) → (B, T, W), with rotary tables (T, HeadWidth/2) and the additive (T, T) attention mask.</summary>
    public Tensor forward(Tensor x, Tensor cos, Tensor sin, Tensor mask)
    {
        var (b, t, w) = (x.shape[0], x.shape[1], x.shape[2]);
        var parts = qkv.forward(norm1.forward(x)).view(b, t, 3, heads, w / heads).permute(2, 0, 3, 1, 4);   // (3, B, H, T, hd)
        var (q, k, v) = (Rotary.Apply(parts[0], cos, sin), Rotary.Apply(parts[1], cos, sin), parts[2]);
        var attended = F.scaled_dot_product_attention(q, k, v, mask).transpose(1, 2).reshape(b, t, w);      // softmax(qkᵀ/√hd + mask)·v
        x = x.Plus(proj.forward(attended));
        return x.Plus(fc2.forward(F.silu(fc1.forward(norm2.forward(x)))));
    }
}

/// <summary>Rotary position embedding: channel i of the first half pairs with channel i of the second half of each head.</summary>
public static class Rotary
{
    /// <summary>Base of the rotation frequencies: pair i turns by position · Base^(−i / (HeadWidth/2)).</summary>
    public const double Base = 10000;

    /// <summary>cos and sin of every (position, pair) angle for positions 0..T−1: two (T, HeadWidth/2) tensors.</summary>
    public static (Tensor Cos, Tensor Sin) Tables(int headWidth, long t, Device device)
    {
        int half = headWidth / 2;
        var frequencies = Enumerable.Range(0, half).Select(i => (float)Math.Pow(Base, -(double)i / half)).ToArray();
        var angles = arange(t, dtype: ScalarType.Float32, device: device).unsqueeze(1).mul(tensor(frequencies, device: device).unsqueeze(0));
        return (angles.cos(), angles.sin());
    }

    /// <summary>x (…, T, HeadWidth) rotated: [x1·cos − x2·sin, x1·sin + x2·cos] with x1, x2 the two halves.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        var half = x.shape[^1] / 2;
        var (x1, x2) = (x.narrow(-1, 0, half), x.narrow(-1, half, half));
        return cat([x1.mul(cos).Plus(x2.mul(sin).neg()), x1.mul(sin).Plus(x2.mul(cos))], -1);
    }
}
