namespace Ada.Inference;

/// <summary>Shape of a WaveNet as in docs/MODEL.md: Q classes, R residual, G gate (per half), S skip channels.</summary>
/// <param name="Classes">Q: input and output classes (256 for mu-law audio, k for a code level).</param>
/// <param name="Residual">R: residual channels.</param>
/// <param name="Gate">G: channels of each of the tanh and sigmoid halves.</param>
/// <param name="Skip">S: skip channels.</param>
/// <param name="Layers">L: number of dilated layers.</param>
/// <param name="DilationCycle">D: dilations 1, 2, …, 2^(D−1), repeated.</param>
/// <param name="CondClasses">k of the conditioning codes, 0 for an unconditional model.</param>
/// <param name="Hop">Signal samples per conditioning code frame (1 when unconditional).</param>
/// <param name="PadClass">The class fed as the "previous sample" at t = 0.</param>
public sealed record WaveNetSpec(int Classes, int Residual, int Gate, int Skip, int Layers, int DilationCycle,
    int CondClasses = 0, int Hop = 1, int PadClass = 0)
{
    /// <summary>Dilation of layer <paramref name="layer"/>.</summary>
    public int Dilation(int layer) => 1 << (layer % DilationCycle);

    /// <summary>Past samples that can influence the logits at t: 1 (the shift) + Σ dilations.</summary>
    public int ReceptiveField => 1 + Enumerable.Range(0, Layers).Sum(Dilation);

    /// <summary>True when the model takes conditioning codes.</summary>
    public bool IsConditioned => CondClasses > 0;

    /// <summary>Multiply-adds per generated sample (the dominant cost), for GFLOP/s reports.</summary>
    public long MultiplyAddsPerStep =>
        (long)Layers * (2L * Residual * 2 * Gate + (long)Gate * (Residual + Skip)) + (long)Skip * Skip + (long)Skip * Classes;

    /// <summary>Throws when a field is out of range.</summary>
    public void Validate()
    {
        if (Classes < 2) throw new ArgumentException($"WaveNet classes must be ≥ 2, got {Classes}");
        if (Residual < 1 || Gate < 1 || Skip < 1) throw new ArgumentException("WaveNet channel counts must be ≥ 1");
        if (Layers < 1 || DilationCycle < 1 || DilationCycle > 24) throw new ArgumentException($"bad layers {Layers} / dilation cycle {DilationCycle}");
        if (CondClasses < 0 || Hop < 1) throw new ArgumentException($"bad conditioning: k {CondClasses}, hop {Hop}");
        if (PadClass < 0 || PadClass >= Classes) throw new ArgumentException($"pad class {PadClass} outside 0..{Classes - 1}");
    }
}
