using System.Buffers.Binary;

namespace Ada.Audio;

/// <summary>Reads RIFF/WAVE (PCM 8/16/24/32-bit, IEEE float32, plain or WAVE_FORMAT_EXTENSIBLE) with strict bounds checks.</summary>
public static class WavReader
{
    const int ReadBlockBytes = 1 << 16;

    // KSDATAFORMAT_SUBTYPE_* GUIDs are the format tag followed by these 14 bytes.
    static ReadOnlySpan<byte> SubFormatGuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Decodes a whole WAV file into interleaved floats.</summary>
    public static AudioBuffer Read(string path)
    {
        using var stream = AudioFile.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Decodes a WAV file from a seekable stream positioned at its first byte; <paramref name="name"/> prefixes error messages.</summary>
    public static AudioBuffer Read(Stream stream, string name)
    {
        var layout = ReadLayout(stream, name);
        long sampleCount = layout.FrameCount * layout.Channels;
        if (sampleCount > Array.MaxLength)
            throw new AudioFormatException(name, $"unsupported: {layout.FrameCount} frames are too many to decode into memory");

        var samples = new float[sampleCount];
        int sampleBytes = WavSampleCodec.BytesPerSample(layout.Encoding);
        var block = new byte[Math.Max(layout.BlockAlign, ReadBlockBytes / layout.BlockAlign * layout.BlockAlign)];
        stream.Seek(layout.DataOffset, SeekOrigin.Begin);
        for (long done = 0; done < sampleCount;)
        {
            int count = (int)Math.Min(block.Length / sampleBytes, sampleCount - done);
            var bytes = block.AsSpan(0, count * sampleBytes);
            ReadExactly(stream, bytes, name, "'data' chunk");
            WavSampleCodec.Decode(bytes, samples.AsSpan((int)done, count), layout.Encoding);
            done += count;
        }
        return new AudioBuffer(samples, layout.SampleRate, layout.Channels);
    }

    /// <summary>Reads only the headers of a WAV file from a seekable stream.</summary>
    public static AudioInfo ReadInfo(Stream stream, string name)
    {
        var layout = ReadLayout(stream, name);
        return new AudioInfo(AudioFormat.Wav, layout.SampleRate, layout.Channels, layout.FrameCount);
    }

    /// <summary>Walks the RIFF chunks up to 'data', validating every size against the stream length.</summary>
    internal static WavLayout ReadLayout(Stream stream, string name)
    {
        long origin = stream.Position;
        long length = stream.Length - origin;
        Span<byte> header = stackalloc byte[12];
        if (length < header.Length)
            throw new AudioFormatException(name, $"truncated header: {length} bytes, a WAV header needs 12");
        ReadExactly(stream, header, name, "RIFF header");
        if (!header.StartsWith("RIFF"u8) || !header[8..].SequenceEqual("WAVE"u8))
            throw new AudioFormatException(name, "not a WAV file (no RIFF/WAVE header)");

        (WavEncoding Encoding, int SampleRate, int Channels)? format = null;
        long pos = header.Length;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            long remaining = length - pos;
            if (remaining < chunk.Length)
                throw new AudioFormatException(name, remaining > 0
                    ? $"truncated header: {remaining} bytes at offset {pos} where a chunk header was expected"
                    : $"no '{(format is null ? "fmt " : "data")}' chunk before the end of the file at {length} bytes");
            stream.Seek(origin + pos, SeekOrigin.Begin);
            ReadExactly(stream, chunk, name, "chunk header");
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            long body = pos + chunk.Length;
            if (size > length - body)
            {
                string what = chunk[..4].SequenceEqual("data"u8) ? "data" : "header";
                throw new AudioFormatException(name, $"truncated {what}: chunk '{AsciiText.Printable(chunk[..4])}' at offset {pos} declares {size} bytes but only {length - body} remain");
            }
            if (chunk.StartsWith("fmt "u8))
            {
                var fmt = new byte[Math.Min(size, 64u)];
                ReadExactly(stream, fmt, name, "'fmt ' chunk");
                format = ParseFormat(fmt, size, name);
            }
            else if (chunk.StartsWith("data"u8))
            {
                if (format is not { } f)
                    throw new AudioFormatException(name, "'data' chunk comes before the 'fmt ' chunk");
                var layout = new WavLayout(f.Encoding, f.SampleRate, f.Channels, origin + body, size);
                if (size == 0)
                    throw new AudioFormatException(name, "no samples: the 'data' chunk is empty");
                if (size % layout.BlockAlign != 0)
                    throw new AudioFormatException(name, $"truncated data: 'data' chunk of {size} bytes ends inside a {layout.BlockAlign}-byte frame");
                return layout;
            }
            pos = body + size + (size & 1);
        }
    }

    static (WavEncoding, int, int) ParseFormat(ReadOnlySpan<byte> fmt, uint size, string name)
    {
        if (size < 16)
            throw new AudioFormatException(name, $"truncated header: 'fmt ' chunk has {size} bytes, needs 16");
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == WavHeader.FormatExtensible)
        {
            if (size < 40)
                throw new AudioFormatException(name, $"truncated header: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk has {size} bytes, needs 40");
            if (!fmt[26..40].SequenceEqual(SubFormatGuidTail))
                throw new AudioFormatException(name, "unsupported WAV format: WAVE_FORMAT_EXTENSIBLE with a non-standard sub-format GUID");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        WavEncoding encoding = (tag, bits) switch
        {
            (WavHeader.FormatPcm, 8) => WavEncoding.Pcm8,
            (WavHeader.FormatPcm, 16) => WavEncoding.Pcm16,
            (WavHeader.FormatPcm, 24) => WavEncoding.Pcm24,
            (WavHeader.FormatPcm, 32) => WavEncoding.Pcm32,
            (WavHeader.FormatIeeeFloat, 32) => WavEncoding.Float32,
            _ => throw new AudioFormatException(name,
                $"unsupported WAV format: {DescribeTag(tag)} with {bits} bits per sample (supported: PCM 8/16/24/32-bit, IEEE float 32-bit)"),
        };
        if (channels == 0)
            throw new AudioFormatException(name, "unsupported WAV format: 0 channels");
        if (channels > WavHeader.MaxChannels)
            throw new AudioFormatException(name, $"unsupported WAV format: {channels} channels (at most {WavHeader.MaxChannels})");
        if (sampleRate == 0 || sampleRate > WavHeader.MaxSampleRate)
            throw new AudioFormatException(name, $"unsupported WAV format: sample rate {sampleRate} Hz (must be 1..{WavHeader.MaxSampleRate})");
        int expectedAlign = channels * WavSampleCodec.BytesPerSample(encoding);
        if (blockAlign != expectedAlign)
            throw new AudioFormatException(name, $"inconsistent 'fmt ' chunk: block align {blockAlign}, but {channels} channels of {bits} bits need {expectedAlign}");
        return (encoding, (int)sampleRate, channels);
    }

    static string DescribeTag(int tag) => tag switch
    {
        WavHeader.FormatPcm => "PCM",
        2 => "Microsoft ADPCM (format tag 2)",
        WavHeader.FormatIeeeFloat => "IEEE float",
        6 => "A-law (format tag 6)",
        7 => "mu-law (format tag 7)",
        0x11 => "IMA ADPCM (format tag 0x11)",
        0x55 => "MPEG layer 3 (format tag 0x55)",
        _ => $"format tag 0x{tag:X4}",
    };

    // The stream may shrink after the bounds check (another process truncating the file).
    static void ReadExactly(Stream stream, Span<byte> buffer, string name, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new AudioFormatException(name, $"truncated data: the file ended inside the {what}", e);
        }
    }
}
