namespace Ada.Inference;

/// <summary>
/// The plain, obviously-correct incremental WaveNet for one stream: loops that read like docs/MODEL.md.
/// It keeps every layer's full input history, so it is slow and grows with time; it exists to check
/// <see cref="FastWaveNet"/> against, not to be used.
/// </summary>
public sealed class ReferenceWaveNet
{
    readonly WaveNetWeights _w;
    readonly List<float[]>[] _history;

    /// <summary>Starts a stream at t = 0.</summary>
    public ReferenceWaveNet(WaveNetWeights weights)
    {
        weights.Validate();
        _w = weights;
        _history = Enumerable.Range(0, weights.Spec.Layers).Select(_ => new List<float[]>()).ToArray();
    }

    /// <summary>Logits (Q) for the next sample given the previous class and the current code frame.</summary>
    public float[] Step(int previousClass, int code)
    {
        var s = _w.Spec;
        int r = s.Residual, g = s.Gate, sk = s.Skip, q = s.Classes;
        var h = _w.Embedding.AsSpan(previousClass * r, r).ToArray();
        var skip = new float[sk];
        for (int l = 0; l < s.Layers; l++)
        {
            int t = _history[l].Count, d = s.Dilation(l);
            var past = t - d >= 0 ? _history[l][t - d] : new float[r];
            _history[l].Add(h);

            var a = new float[2 * g];
            var wd = _w.DilatedWeight[l];
            for (int o = 0; o < 2 * g; o++)
            {
                float sum = _w.DilatedBias[l][o];
                for (int i = 0; i < r; i++)
                    sum += wd[(o * r + i) * 2] * past[i] + wd[(o * r + i) * 2 + 1] * h[i];
                if (s.IsConditioned) sum += _w.CondTable![(code * s.Layers + l) * 2 * g + o];
                a[o] = sum;
            }
            var z = new float[g];
            for (int c = 0; c < g; c++) z[c] = MathF.Tanh(a[c]) * (1f / (1f + MathF.Exp(-a[g + c])));

            var next = new float[r];
            for (int o = 0; o < r; o++) next[o] = h[o] + _w.ResidualBias[l][o] + Dot(_w.ResidualWeight[l], o * g, z);
            for (int o = 0; o < sk; o++) skip[o] += _w.SkipBias[l][o] + Dot(_w.SkipWeight[l], o * g, z);
            h = next;
        }
        var hidden = new float[sk];
        var relu = skip.Select(v => MathF.Max(v, 0)).ToArray();
        for (int o = 0; o < sk; o++) hidden[o] = MathF.Max(0, _w.Out1Bias[o] + Dot(_w.Out1Weight, o * sk, relu));
        var logits = new float[q];
        for (int o = 0; o < q; o++) logits[o] = _w.Out2Bias[o] + Dot(_w.Out2Weight, o * sk, hidden);
        return logits;
    }

    static float Dot(float[] matrix, int offset, float[] vector)
    {
        float sum = 0;
        for (int i = 0; i < vector.Length; i++) sum += matrix[offset + i] * vector[i];
        return sum;
    }
}
