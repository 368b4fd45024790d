namespace Ada.Inference;

/// <summary>
/// A WaveNet's weights in TorchSharp's layouts (row-major, conv weights as (out, in, kernel)), as exported
/// from a checkpoint. <see cref="CondTable"/> is the modulator evaluated for every code: (k, L, 2G).
/// </summary>
public sealed class WaveNetWeights
{
    /// <summary>The shape these weights belong to.</summary>
    public required WaveNetSpec Spec { get; init; }
    /// <summary>Input embedding (Q, R).</summary>
    public required float[] Embedding { get; init; }
    /// <summary>Per layer: dilated conv weight (2G, R, 2); tap 0 reads t − d, tap 1 reads t.</summary>
    public required float[][] DilatedWeight { get; init; }
    /// <summary>Per layer: dilated conv bias (2G).</summary>
    public required float[][] DilatedBias { get; init; }
    /// <summary>Per layer: residual 1×1 weight (R, G).</summary>
    public required float[][] ResidualWeight { get; init; }
    /// <summary>Per layer: residual bias (R).</summary>
    public required float[][] ResidualBias { get; init; }
    /// <summary>Per layer: skip 1×1 weight (S, G).</summary>
    public required float[][] SkipWeight { get; init; }
    /// <summary>Per layer: skip bias (S).</summary>
    public required float[][] SkipBias { get; init; }
    /// <summary>Output head first 1×1 (S, S).</summary>
    public required float[] Out1Weight { get; init; }
    /// <summary>Output head first bias (S).</summary>
    public required float[] Out1Bias { get; init; }
    /// <summary>Output head second 1×1 (Q, S).</summary>
    public required float[] Out2Weight { get; init; }
    /// <summary>Output head second bias (Q).</summary>
    public required float[] Out2Bias { get; init; }
    /// <summary>Per-code conditioning (k, L, 2G), or null for an unconditional model.</summary>
    public float[]? CondTable { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first array whose size does not match <see cref="Spec"/>.</summary>
    public void Validate()
    {
        var s = Spec;
        s.Validate();
        int q = s.Classes, r = s.Residual, g = s.Gate, sk = s.Skip, l = s.Layers;
        Check("embedding", Embedding, q * r);
        CheckLayers("dilated weight", DilatedWeight, 2 * g * r * 2);
        CheckLayers("dilated bias", DilatedBias, 2 * g);
        CheckLayers("residual weight", ResidualWeight, r * g);
        CheckLayers("residual bias", ResidualBias, r);
        CheckLayers("skip weight", SkipWeight, sk * g);
        CheckLayers("skip bias", SkipBias, sk);
        Check("out1 weight", Out1Weight, sk * sk);
        Check("out1 bias", Out1Bias, sk);
        Check("out2 weight", Out2Weight, q * sk);
        Check("out2 bias", Out2Bias, q);
        if (s.IsConditioned) Check("conditioning table", CondTable ?? throw new ArgumentException("conditioned model without a conditioning table"), s.CondClasses * l * 2 * g);
        else if (CondTable != null) throw new ArgumentException("unconditional model with a conditioning table");

        void CheckLayers(string name, float[][] arrays, int size)
        {
            if (arrays.Length != l) throw new ArgumentException($"{name}: {arrays.Length} layers, spec has {l}");
            for (int i = 0; i < l; i++) Check($"{name} of layer {i}", arrays[i], size);
        }

        static void Check(string name, float[] array, int size)
        {
            if (array.Length != size) throw new ArgumentException($"{name}: {array.Length} values, spec needs {size}");
        }
    }

    /// <summary>Random weights of the right shapes (for benchmarks and kernel tests), scaled like a trained net's.</summary>
    public static WaveNetWeights Random(WaveNetSpec spec, int seed)
    {
        var rng = new Random(seed);
        int q = spec.Classes, r = spec.Residual, g = spec.Gate, s = spec.Skip, l = spec.Layers;
        float[] Fill(int n, int fanIn)
        {
            var a = new float[n];
            float scale = 1f / MathF.Sqrt(fanIn);
            for (int i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
            return a;
        }
        float[][] PerLayer(int n, int fanIn) => Enumerable.Range(0, l).Select(_ => Fill(n, fanIn)).ToArray();
        return new WaveNetWeights
        {
            Spec = spec,
            Embedding = Fill(q * r, 1),
            DilatedWeight = PerLayer(2 * g * r * 2, 2 * r),
            DilatedBias = PerLayer(2 * g, 2 * r),
            ResidualWeight = PerLayer(r * g, g),
            ResidualBias = PerLayer(r, g),
            SkipWeight = PerLayer(s * g, g),
            SkipBias = PerLayer(s, g),
            Out1Weight = Fill(s * s, s),
            Out1Bias = Fill(s, s),
            Out2Weight = Fill(q * s, s),
            Out2Bias = Fill(q, s),
            CondTable = spec.IsConditioned ? Fill(spec.CondClasses * l * 2 * g, 4) : null,
        };
    }
}
