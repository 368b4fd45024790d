namespace Ada.Protocol.Tests.Support;

/// <summary>The known test signal: sample (frame i, channel c) = f(i, c), exact in float32, different for neighbours.</summary>
public static class Frames
{
    public static float Value(ulong frame, int channel) => (float)((frame * 4 + (ulong)channel) % (1 << 23));

    /// <summary>Fills <paramref name="interleaved"/> (frames, channels) with frames starting at <paramref name="first"/>.</summary>
    public static void Fill(Span<float> interleaved, ulong first, int channels)
    {
        for (int i = 0; i < interleaved.Length; i++)
            interleaved[i] = Value(first + (ulong)(i / channels), i % channels);
    }

    /// <summary>Index of the first sample that differs from the signal, or -1.</summary>
    public static int FirstMismatch(ReadOnlySpan<float> interleaved, ulong first, int channels)
    {
        for (int i = 0; i < interleaved.Length; i++)
            if (interleaved[i] != Value(first + (ulong)(i / channels), i % channels)) return i;
        return -1;
    }
}
