using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>Pointwise conditioning stack: code vector per frame → per-layer gate biases (B, L·2G, F); upsampling happens in the WaveNet.</summary>
public sealed class Modulator : nn.Module
{
    // AMAE: one-hot @ E, no bias (Conv1d(k → C, 1) over one-hot frames); VQ: Linear(d → C) over codebook vectors
    internal readonly Conv embed;
    internal readonly Conv hidden;
    // all L per-layer projections Wc_l stacked into one 1×1 conv: layer l owns output rows [l·2G, (l+1)·2G)
    internal readonly Conv project;

    /// <summary>Creates a modulator reading <paramref name="input"/>-dimensional code vectors.</summary>
    public Modulator(int input, bool embedBias, int channels, int outputs) : base("modulator")
    {
        embed = Conv.Pointwise(input, channels, embedBias);
        hidden = Conv.Pointwise(channels, channels);
        project = Conv.Pointwise(channels, outputs);
        RegisterComponents();
    }

    /// <summary>Parameter names and shapes, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(int input, bool embedBias, int channels, int outputs) =>
        WeightSpec.Conv("embed", input, channels, 1, embedBias)
            .Concat(WeightSpec.Conv("hidden", channels, channels, 1))
            .Concat(WeightSpec.Conv("project", channels, outputs, 1));

    /// <summary>codeVectors (B, k or d, F) → conditioning (B, L·2G, F); frame f depends on input frame f only.</summary>
    public Tensor forward(Tensor codeVectors)
    {
        var e = embed.forward(codeVectors.transpose(1, 2));   // (B, F, C)
        var m = F.relu(hidden.forward(e));                     // (B, F, C)
        return project.forward(m).transpose(1, 2);             // (B, L·2G, F)
    }

    /// <summary>Per-code table for the sampler: vectors (k, k or d), one row per code → (k, L, 2G).</summary>
    public Tensor Table(Tensor vectors, int layers)
    {
        using var _ = no_grad();
        var cond = forward(vectors.t().unsqueeze(0));            // (1, L·2G, k)
        var k = vectors.shape[0];
        return cond.squeeze(0).t().reshape(k, layers, -1).contiguous(); // (k, L, 2G)
    }
}
