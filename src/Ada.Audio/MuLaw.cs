namespace Ada.Audio;

/// <summary>8-bit mu-law companding (mu = 255, 256 classes) with the WaveNet mapping: 0.0 encodes to class 128.</summary>
/// <remarks>class = floor((F(x) + 1) / 2 · 255 + 0.5), F(x) = sign(x) · ln(1 + mu|x|) / ln(1 + mu); decoding returns the
/// value at the bin centre, so Decode(128) is +8.6e-5, not exactly 0, and Encode(Decode(c)) == c for every class.</remarks>
public static class MuLaw
{
    /// <summary>Number of classes.</summary>
    public const int Classes = 256;

    /// <summary>The class that 0.0 (silence) encodes to.</summary>
    public const byte Silence = 128;

    const double Mu = Classes - 1;
    static readonly double LogOnePlusMu = Math.Log(1 + Mu);
    static readonly float[] DecodeTable = BuildDecodeTable();

    /// <summary>Class of <paramref name="x"/>; values beyond ±1 clip to classes 0 and 255, NaN encodes as silence.</summary>
    public static byte Encode(float x)
    {
        if (float.IsNaN(x))
            return Silence;
        double a = Math.Min(Math.Abs((double)x), 1.0);
        double f = Math.CopySign(Math.Log(1 + Mu * a) / LogOnePlusMu, x);
        return (byte)Math.Floor((f + 1) / 2 * Mu + 0.5);
    }

    /// <summary>Value at the centre of class <paramref name="c"/>'s bin, in [-1, 1].</summary>
    public static float Decode(byte c) => DecodeTable[c];

    /// <summary>Encodes a span; <paramref name="destination"/> must be at least as long as <paramref name="source"/>.</summary>
    public static void Encode(ReadOnlySpan<float> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException($"destination holds {destination.Length} classes, source has {source.Length} samples", nameof(destination));
        for (int i = 0; i < source.Length; i++)
            destination[i] = Encode(source[i]);
    }

    /// <summary>Decodes a span by table lookup; <paramref name="destination"/> must be at least as long as <paramref name="source"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException($"destination holds {destination.Length} samples, source has {source.Length} classes", nameof(destination));
        var table = DecodeTable.AsSpan();
        for (int i = 0; i < source.Length; i++)
            destination[i] = table[source[i]];
    }

    // Inverse of F at the bin centre y = 2c / 255 − 1: x = sign(y) · ((1 + mu)^|y| − 1) / mu.
    static float[] BuildDecodeTable()
    {
        var table = new float[Classes];
        for (int c = 0; c < Classes; c++)
        {
            double y = 2.0 * c / Mu - 1;
            table[c] = (float)Math.CopySign((Math.Exp(Math.Abs(y) * LogOnePlusMu) - 1) / Mu, y);
        }
        return table;
    }
}
