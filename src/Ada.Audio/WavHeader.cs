namespace Ada.Audio;

/// <summary>RIFF/WAVE constants shared by reader and writer, and the header the writer emits.</summary>
internal static class WavHeader
{
    public const ushort FormatPcm = 1;
    public const ushort FormatIeeeFloat = 3;
    public const ushort FormatExtensible = 0xFFFE;
    public const int MaxChannels = 8;
    public const int MaxSampleRate = 1_536_000;

    /// <summary>Bytes before the sample data: RIFF + fmt (16, or 18 with cbSize for float) [+ fact for float] + data chunk header.</summary>
    public static int Size(WavEncoding encoding) => encoding == WavEncoding.Float32 ? 12 + 26 + 12 + 8 : 12 + 24 + 8;

    /// <summary>Size of the data chunk for <paramref name="frames"/> frames; throws when the file would pass the 4 GiB RIFF limit.</summary>
    public static long DataBytes(WavEncoding encoding, int channels, long frames)
    {
        long dataBytes = frames * channels * WavSampleCodec.BytesPerSample(encoding);
        if (Size(encoding) - 8 + dataBytes + 1 > uint.MaxValue)
            throw new InvalidOperationException($"WAV data of {dataBytes} bytes would exceed the 4 GiB RIFF limit");
        return dataBytes;
    }

    /// <summary>The header for <paramref name="frames"/> frames; float files carry the fact chunk the spec asks for.</summary>
    public static byte[] Create(WavEncoding encoding, int sampleRate, int channels, long frames)
    {
        int sampleBytes = WavSampleCodec.BytesPerSample(encoding);
        int blockAlign = channels * sampleBytes;
        long dataBytes = DataBytes(encoding, channels, frames);
        long riffSize = Size(encoding) - 8 + dataBytes + (dataBytes & 1);
        bool isFloat = encoding == WavEncoding.Float32;

        using var stream = new MemoryStream(Size(encoding));
        using (var w = new BinaryWriter(stream))
        {
            w.Write("RIFF"u8);
            w.Write((uint)riffSize);
            w.Write("WAVE"u8);
            w.Write("fmt "u8);
            w.Write(isFloat ? 18u : 16u);
            w.Write(isFloat ? FormatIeeeFloat : FormatPcm);
            w.Write((ushort)channels);
            w.Write((uint)sampleRate);
            w.Write((uint)(sampleRate * blockAlign));
            w.Write((ushort)blockAlign);
            w.Write((ushort)(8 * sampleBytes));
            if (isFloat)
            {
                w.Write((ushort)0);
                w.Write("fact"u8);
                w.Write(4u);
                w.Write((uint)frames);
            }
            w.Write("data"u8);
            w.Write((uint)dataBytes);
        }
        return stream.ToArray();
    }
}
