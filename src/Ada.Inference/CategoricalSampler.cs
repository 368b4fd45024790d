using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace Ada.Inference;

/// <summary>Draws a class from logits with a temperature, by inverse CDF on a given uniform number (no allocation).</summary>
public static class CategoricalSampler
{
    /// <summary>Samples from softmax(logits / temperature) using <paramref name="uniform"/> in [0, 1); temperature 0 = argmax.</summary>
    /// <param name="logits">Q logits.</param>
    /// <param name="temperature">Softmax temperature (&gt; 0), or 0 for greedy decoding.</param>
    /// <param name="uniform">The random number that decides.</param>
    /// <param name="scratch">At least Q floats of workspace.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Sample(ReadOnlySpan<float> logits, float temperature, double uniform, Span<float> scratch)
    {
        if (temperature <= 0) return TensorPrimitives.IndexOfMax(logits);
        var p = scratch[..logits.Length];
        float max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, p);
        TensorPrimitives.Multiply(p, 1f / temperature, p);
        TensorPrimitives.Exp(p, p);
        double total = 0;
        for (int i = 0; i < p.Length; i++) total += p[i];
        double target = uniform * total, cumulative = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            if (target < cumulative) return i;
        }
        return p.Length - 1;
    }
}
