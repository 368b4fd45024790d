using System.Buffers.Binary;

namespace Ada.Audio;

/// <summary>Converts WAV sample bytes to floats and back; integer PCM maps full scale 2^(bits-1) to 1.0.</summary>
/// <remarks>Reader and writer use the same scale, so integer samples survive a read/write round trip exactly.</remarks>
internal static class WavSampleCodec
{
    const float Scale8 = 128f;
    const float Scale16 = 32768f;
    const float Scale24 = 8388608f;
    const double Scale32 = 2147483648.0;

    public static int BytesPerSample(WavEncoding encoding) => encoding switch
    {
        WavEncoding.Pcm8 => 1,
        WavEncoding.Pcm16 => 2,
        WavEncoding.Pcm24 => 3,
        WavEncoding.Pcm32 or WavEncoding.Float32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding"),
    };

    /// <summary>Decodes <c>destination.Length</c> samples from <paramref name="source"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> source, Span<float> destination, WavEncoding encoding)
    {
        int size = BytesPerSample(encoding);
        if (source.Length < destination.Length * size)
            throw new ArgumentException("source holds fewer samples than destination", nameof(source));
        for (int i = 0; i < destination.Length; i++)
        {
            var b = source.Slice(i * size, size);
            destination[i] = encoding switch
            {
                WavEncoding.Pcm8 => (b[0] - 128) / Scale8,
                WavEncoding.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(b) / Scale16,
                WavEncoding.Pcm24 => (b[0] | (b[1] << 8) | ((sbyte)b[2] << 16)) / Scale24,
                WavEncoding.Pcm32 => (float)(BinaryPrimitives.ReadInt32LittleEndian(b) / Scale32),
                _ => BinaryPrimitives.ReadSingleLittleEndian(b),
            };
        }
    }

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/>; integer formats clip to their range and map NaN to 0.</summary>
    public static void Encode(ReadOnlySpan<float> source, Span<byte> destination, WavEncoding encoding)
    {
        int size = BytesPerSample(encoding);
        if (destination.Length < source.Length * size)
            throw new ArgumentException("destination is too small", nameof(destination));
        for (int i = 0; i < source.Length; i++)
        {
            var b = destination.Slice(i * size, size);
            float x = source[i];
            switch (encoding)
            {
                case WavEncoding.Pcm8:
                    b[0] = (byte)(Quantize(x, Scale8) + 128);
                    break;
                case WavEncoding.Pcm16:
                    BinaryPrimitives.WriteInt16LittleEndian(b, (short)Quantize(x, Scale16));
                    break;
                case WavEncoding.Pcm24:
                    int v = (int)Quantize(x, Scale24);
                    b[0] = (byte)v;
                    b[1] = (byte)(v >> 8);
                    b[2] = (byte)(v >> 16);
                    break;
                case WavEncoding.Pcm32:
                    BinaryPrimitives.WriteInt32LittleEndian(b, (int)Quantize(x, Scale32));
                    break;
                default:
                    BinaryPrimitives.WriteSingleLittleEndian(b, x);
                    break;
            }
        }
    }

    // Rounds x * scale to the nearest integer in [-scale, scale - 1]; NaN becomes silence.
    static double Quantize(float x, double scale)
    {
        if (float.IsNaN(x))
            return 0;
        return Math.Clamp(Math.Round(x * scale), -scale, scale - 1);
    }
}
