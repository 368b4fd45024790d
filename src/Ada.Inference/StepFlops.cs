namespace Ada.Inference;

/// <summary>
/// FLOPs per stream of one <see cref="FastWaveNet"/> step plus its sampling, by phase, counting what the sampler
/// actually computes: a fused multiply-add is 2 FLOPs, any other arithmetic, max, tanh, sigmoid or exp is 1.
/// </summary>
/// <param name="Embedding">Embedding lookup: a copy, 0.</param>
/// <param name="Dilated">Dilated conv, 2 taps × R → 2G per layer; its bias is the accumulators' start value, so free.</param>
/// <param name="Gate">tanh, sigmoid and their product (3G) plus the residual and skip bias adds (R + S) per layer.</param>
/// <param name="Residual">Residual 1×1, G → R per layer, the last layer's included: the kernel computes it (its output is unused).</param>
/// <param name="Skip">Skip 1×1, G → S per layer; the running skip sum is the accumulators' start value.</param>
/// <param name="Head">ReLU, S → S, ReLU, S → Q.</param>
/// <param name="Sampling">Softmax with temperature and the inverse-CDF scan (max, subtract, scale, exp, sum, cumulative sum over Q, the scan counted in full).</param>
public sealed record StepFlops(long Embedding, long Dilated, long Gate, long Residual, long Skip, long Head, long Sampling)
{
    /// <summary>The FLOPs of <paramref name="spec"/>'s step.</summary>
    public static StepFlops Of(WaveNetSpec spec)
    {
        long q = spec.Classes, r = spec.Residual, g = spec.Gate, s = spec.Skip, l = spec.Layers;
        return new StepFlops(
            Embedding: 0,
            Dilated: l * 2 * (2 * r) * (2 * g),
            Gate: l * (3 * g + r + s),
            Residual: l * 2 * g * r,
            Skip: l * 2 * g * s,
            Head: 2 * s + 2 * s * s + 2 * s * q,
            Sampling: 6 * q);
    }

    /// <summary>All phases.</summary>
    public long Total => Embedding + Dilated + Gate + Residual + Skip + Head + Sampling;
}
