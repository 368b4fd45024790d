using System.Buffers.Binary;
using System.Text;

namespace Ada.Audio.Tests;

/// <summary>Builds WAV files byte by byte from the RIFF spec, independently of WavWriter, malformed ones included.</summary>
internal static class WavBytes
{
    public const int Pcm = 1;
    public const int IeeeFloat = 3;
    public const int ALaw = 6;

    /// <summary>"RIFF" size "WAVE" followed by the chunks.</summary>
    public static byte[] Riff(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        return [.. "RIFF"u8, .. U32((uint)(4 + body.Length)), .. "WAVE"u8, .. body];
    }

    /// <summary>A chunk with its id, size and the pad byte odd sizes need.</summary>
    public static byte[] Chunk(string id, byte[] body) =>
        [.. Encoding.ASCII.GetBytes(id), .. U32((uint)body.Length), .. body, .. body.Length % 2 == 1 ? new byte[1] : []];

    /// <summary>A chunk header claiming <paramref name="declaredSize"/> bytes followed by only <paramref name="body"/>.</summary>
    public static byte[] ChunkWithSize(string id, uint declaredSize, byte[] body) =>
        [.. Encoding.ASCII.GetBytes(id), .. U32(declaredSize), .. body];

    /// <summary>The 16-byte WAVEFORMAT body; block align defaults to channels × bytes per sample.</summary>
    public static byte[] Fmt(int tag, int channels, int sampleRate, int bits, int? blockAlign = null)
    {
        int align = blockAlign ?? channels * ((bits + 7) / 8);
        return [.. U16(tag), .. U16(channels), .. U32((uint)sampleRate), .. U32((uint)(sampleRate * align)), .. U16(align), .. U16(bits)];
    }

    /// <summary>The 40-byte WAVEFORMATEXTENSIBLE body with a KSDATAFORMAT_SUBTYPE GUID built from <paramref name="subFormat"/>.</summary>
    public static byte[] FmtExtensible(int subFormat, int channels, int sampleRate, int bits, int validBits)
    {
        byte[] guidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        return [.. Fmt(0xFFFE, channels, sampleRate, bits), .. U16(22), .. U16(validBits), .. U32(3), .. U16(subFormat), .. guidTail];
    }

    /// <summary>A complete well-formed file with one fmt and one data chunk.</summary>
    public static byte[] File(int tag, int channels, int sampleRate, int bits, byte[] data) =>
        Riff(Chunk("fmt ", Fmt(tag, channels, sampleRate, bits)), Chunk("data", data));

    public static byte[] Int16s(params short[] values) => values.SelectMany(v => U16((ushort)v)).ToArray();

    public static byte[] Int24s(params int[] values) => values.SelectMany(v => new[] { (byte)v, (byte)(v >> 8), (byte)(v >> 16) }).ToArray();

    public static byte[] Int32s(params int[] values) => values.SelectMany(v => U32((uint)v)).ToArray();

    public static byte[] Floats(params float[] values) => values.SelectMany(v => U32(BitConverter.SingleToUInt32Bits(v))).ToArray();

    static byte[] U16(int value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        return b;
    }

    static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }
}
