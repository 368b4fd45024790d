using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>One WaveNet block: kernel-2 causal dilated conv, optional conditioning, tanh·sigmoid gate, residual and skip 1×1s.</summary>
public sealed class WaveNetLayer : nn.Module
{
    // weight[:, :, 0] multiplies h(t − d), weight[:, :, 1] multiplies h(t)
    internal readonly Conv dilated;
    // the last layer has no residual projection: nothing reads its h
    internal readonly Conv? residual;
    internal readonly Conv skip;
    internal readonly int dilation;
    internal readonly int gate;

    internal WaveNetLayer(DecoderConfig config, int index) : base($"layer{index}")
    {
        dilation = config.Dilation(index);
        gate = config.Gate;
        dilated = Conv.Causal2(config.Residual, 2 * config.Gate, dilation);
        if (HasResidual(config, index)) residual = Conv.Pointwise(config.Gate, config.Residual);
        skip = Conv.Pointwise(config.Gate, config.Skip);
        RegisterComponents();
    }

    static bool HasResidual(DecoderConfig config, int index) => index < config.Layers - 1;

    /// <summary>Parameter names and shapes of layer <paramref name="index"/>, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(DecoderConfig c, int index) =>
        WeightSpec.Conv("dilated", c.Residual, 2 * c.Gate, 2)
            .Concat(HasResidual(c, index) ? WeightSpec.Conv("residual", c.Gate, c.Residual, 1) : [])
            .Concat(WeightSpec.Conv("skip", c.Gate, c.Skip, 1));

    /// <summary>Time-major h (B, T, R), cond (B, F, 2G) per code frame with T = F·hop, or null → (h (B, T, R), skip (B, T, S)).</summary>
    public (Tensor H, Tensor Skip) forward(Tensor h, Tensor? cond)
    {
        var a = dilated.forward(h);                                             // (B, T, 2G)
        if (cond is not null) a = AddPerFrame(a, cond);
        var z = tanh(a.narrow(2, 0, gate)) * sigmoid(a.narrow(2, gate, gate));  // (B, T, G)
        var hOut = residual is null ? h : h.Plus(residual.forward(z));
        return (hOut, skip.forward(z));
    }

    // Nearest upsampling by hop without materialising it: view (B, F, hop, 2G) + (B, F, 1, 2G).
    static Tensor AddPerFrame(Tensor a, Tensor cond)
    {
        var (b, t, c) = (a.shape[0], a.shape[1], a.shape[2]);
        var frames = cond.shape[1];
        if (t % frames != 0)
            throw new ArgumentException($"conditioning has {frames} frames, which does not divide the {t} samples");
        return a.view(b, frames, t / frames, c).Plus(cond.unsqueeze(2)).view(b, t, c);
    }
}
