namespace Ada.Data;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny counter-based generator. Hashing (seed, step, index)
/// gives every crop its own stream, so batch n of seed s never depends on what was drawn before.
/// </summary>
public struct SplitMix64(ulong state)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state = state;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        _state += Golden;
        return Finalise(_state);
    }

    /// <summary>Uniform in [0, bound) by multiply-shift (bias below 2^-24 for any bound under 2^40).</summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0)
            throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive");
        return (ulong)(((UInt128)Next() * bound) >> 64);
    }

    /// <summary>A well-mixed 64-bit key for a tuple of counters.</summary>
    public static ulong Hash(ulong a, ulong b, ulong c)
    {
        ulong h = Finalise(a + Golden);
        h = Finalise((h ^ b) + Golden);
        return Finalise((h ^ c) + Golden);
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
