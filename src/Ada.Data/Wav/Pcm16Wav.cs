using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ada.Data;

/// <summary>
/// Minimal reader and writer for the one format the recipes produce (16 kHz mono PCM16 WAV).
/// Anything else is rejected with a message naming the file; every chunk size is bounds-checked.
/// </summary>
public static class Pcm16Wav
{
    private const int CanonicalHeaderBytes = 44;
    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Parses and validates the header of a WAV file.</summary>
    public static WavInfo ReadInfo(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        return ReadInfo(stream, path);
    }

    /// <summary>Parses and validates a WAV header from a seekable stream; <paramref name="name"/> is used in errors.</summary>
    public static WavInfo ReadInfo(Stream stream, string name)
    {
        long length = stream.Length;
        Span<byte> head = stackalloc byte[12];
        stream.Position = 0;
        if (length < 12 || stream.ReadAtLeast(head, 12, throwOnEndOfStream: false) < 12)
            throw Bad(name, "file is shorter than a RIFF header");
        if (!head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
            throw Bad(name, "not a RIFF/WAVE file");

        bool sawFormat = false;
        long position = 12;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (position + 8 <= length)
        {
            stream.Position = position;
            stream.ReadExactly(chunkHeader);
            var id = chunkHeader[..4];
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            long body = position + 8;
            if (id.SequenceEqual("data"u8))
            {
                if (!sawFormat)
                    throw Bad(name, "data chunk comes before the fmt chunk");
                if (body + size > length)
                    throw Bad(name, $"data chunk claims {size} bytes but only {length - body} remain (truncated file?)");
                if (size % AudioFormat.BytesPerSample != 0)
                    throw Bad(name, $"data chunk size {size} is not a whole number of 16-bit samples");
                return new WavInfo(body, size / AudioFormat.BytesPerSample);
            }
            if (body + size > length)
                throw Bad(name, $"chunk '{System.Text.Encoding.ASCII.GetString(id)}' claims {size} bytes but only {length - body} remain");
            if (id.SequenceEqual("fmt "u8))
            {
                CheckFormat(stream, size, name);
                sawFormat = true;
            }
            position = body + size + (size & 1); // RIFF chunks are padded to even sizes
        }
        throw Bad(name, "no data chunk");
    }

    /// <summary>Reads every sample of a validated file (used by the recipes on files of minutes, never by training).</summary>
    public static short[] ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var info = ReadInfo(stream, path);
        if (info.SampleCount > Array.MaxLength)
            throw Bad(path, $"{info.SampleCount} samples do not fit in one array");
        var samples = new short[info.SampleCount];
        stream.Position = info.DataOffset;
        stream.ReadExactly(MemoryMarshal.AsBytes(samples.AsSpan()));
        FromLittleEndian(samples);
        return samples;
    }

    /// <summary>Writes a canonical 44-byte-header 16 kHz mono PCM16 WAV atomically.</summary>
    public static void Write(string path, ReadOnlySpan<short> samples)
    {
        long dataBytes = (long)samples.Length * AudioFormat.BytesPerSample;
        if (dataBytes > uint.MaxValue - CanonicalHeaderBytes)
            throw new ArgumentException($"{path}: {samples.Length} samples do not fit in a WAV file", nameof(samples));
        var bytes = new byte[CanonicalHeaderBytes + dataBytes];
        var h = bytes.AsSpan();
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(bytes.Length - 8));
        "WAVEfmt "u8.CopyTo(h[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], AudioFormat.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], AudioFormat.SampleRate * AudioFormat.BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], AudioFormat.BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], 16);
        "data"u8.CopyTo(h[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], (uint)dataBytes);
        var data = MemoryMarshal.Cast<byte, short>(h[CanonicalHeaderBytes..]);
        samples.CopyTo(data);
        FromLittleEndian(data); // byte swapping is its own inverse
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Converts little-endian samples read straight from disk to host order, in place.</summary>
    internal static void FromLittleEndian(Span<short> samples)
    {
        if (!BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(samples, samples);
    }

    private static void CheckFormat(Stream stream, long size, string name)
    {
        if (size < 16)
            throw Bad(name, $"fmt chunk is {size} bytes, expected at least 16");
        Span<byte> fmt = stackalloc byte[40];
        var body = fmt[..(int)Math.Min(size, fmt.Length)];
        stream.ReadExactly(body);
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        ushort channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        // WAVE_FORMAT_EXTENSIBLE carries the real format in the first two bytes of its sub-format GUID.
        bool pcm = tag == FormatPcm || (tag == FormatExtensible && body.Length >= 26 && BinaryPrimitives.ReadUInt16LittleEndian(body[24..]) == FormatPcm);
        if (!pcm || channels != 1 || rate != AudioFormat.SampleRate || bits != 16)
            throw Bad(name, $"expected {AudioFormat.SampleRate} Hz mono 16-bit PCM, found format tag {tag}, {channels} channel(s), {rate} Hz, {bits} bits");
    }

    private static InvalidDataException Bad(string name, string problem) => new($"WAV file {name}: {problem}");
}
