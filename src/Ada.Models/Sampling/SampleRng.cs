namespace Ada.Models;

/// <summary>SplitMix64 draws and categorical sampling, specified in docs/MODEL.md so the fast sampler can reproduce them.</summary>
public sealed class SampleRng(ulong state)
{
    const ulong StreamStride = 0xD1B54A32D192ED03UL;

    /// <summary>The generator of one RNG stream (the stream of a model is its level): state = seed + stream · 0xD1B54A32D192ED03.</summary>
    public static SampleRng ForStream(ulong seed, long stream) => new(unchecked(seed + (ulong)stream * StreamStride));

    /// <summary>Next 64 random bits (SplitMix64).</summary>
    public ulong Next()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Draws a class from softmax(logits / temperature): the first c with u · Σ_j w_j &lt; Σ_{j≤c} w_j, w_j = exp((l_j − max)/T); T ≤ 0 is argmax and draws nothing.</summary>
    public int Categorical(ReadOnlySpan<float> logits, float temperature)
    {
        var best = 0;
        for (var c = 1; c < logits.Length; c++)
            if (logits[c] > logits[best]) best = c;
        if (temperature <= 0) return best;

        double max = logits[best], total = 0;
        for (var c = 0; c < logits.Length; c++) total += Math.Exp((logits[c] - max) / temperature);
        var target = NextDouble() * total;
        double cumulative = 0;
        for (var c = 0; c < logits.Length; c++)
        {
            cumulative += Math.Exp((logits[c] - max) / temperature);
            if (target < cumulative) return c;
        }
        return best; // only reachable through rounding when target ≈ total
    }
}
