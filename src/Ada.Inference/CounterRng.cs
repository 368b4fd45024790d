namespace Ada.Inference;

/// <summary>
/// Counter-based random numbers: the value for (seed, stream, step) is a pure function of those three,
/// so a stream's samples do not depend on block sizes, batching or thread timing.
/// </summary>
public static class CounterRng
{
    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public static double Uniform(ulong seed, ulong stream, ulong step)
    {
        ulong z = Mix(Mix(Mix(seed) ^ stream) ^ step);
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>SplitMix64's finaliser: a bijective 64-bit mixer with good avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
