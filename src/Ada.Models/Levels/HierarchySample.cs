using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Everything one top-down sampling run produced.</summary>
/// <param name="Codes">Codes[i] = the codes of level i + 1, (B, F_i), bottom first; the last one came from the prior.</param>
/// <param name="Audio">The waveform as mu-law classes, (B, T) int64.</param>
public sealed record HierarchySample(IReadOnlyList<Tensor> Codes, Tensor Audio)
{
    /// <summary>The waveform as floats in [−1, 1], (B, T).</summary>
    public Tensor Waveform() => MuLaw.Decode(Audio);
}
