using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

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
