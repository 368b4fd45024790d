namespace Ada.Data;

/// <summary>
/// Finds the audible part of a signal: from the first to the last sample whose magnitude exceeds a
/// threshold. Done in C# rather than with sox's silence effect so the leading trim is known exactly,
/// which keeps the rewritten MIDI aligned with the audio.
/// </summary>
public static class SilenceTrimmer
{
    /// <summary>0.1 % of full scale, the threshold of the sox command in docs/data.md.</summary>
    public const short DefaultThreshold = 33;

    /// <summary>Half-open range [Start, End) of audible samples; (0, 0) when everything is silent.</summary>
    public static (int Start, int End) AudibleRange(ReadOnlySpan<short> samples, short threshold = DefaultThreshold)
    {
        int start = IndexOfLoud(samples, threshold, fromEnd: false);
        if (start < 0)
            return (0, 0);
        int last = IndexOfLoud(samples, threshold, fromEnd: true);
        return (start, last + 1);
    }

    private static int IndexOfLoud(ReadOnlySpan<short> samples, short threshold, bool fromEnd)
    {
        // Widen before Abs: Math.Abs(short.MinValue) overflows.
        if (!fromEnd)
        {
            for (int i = 0; i < samples.Length; i++)
                if (Math.Abs((int)samples[i]) > threshold)
                    return i;
            return -1;
        }
        for (int i = samples.Length - 1; i >= 0; i--)
            if (Math.Abs((int)samples[i]) > threshold)
                return i;
        return -1;
    }
}
