using System.Buffers.Binary;
using System.Text;

namespace AdaPlugin.Tests.Harness;

/// <summary>A 32-bit float WAV read into per-channel arrays (enough RIFF parsing for Ardour's exports).</summary>
internal sealed record FloatWav(int SampleRate, float[][] Channels, byte[] File, int DataOffset, int DataLength)
{
    public int Frames => Channels[0].Length;

    /// <summary>The bytes of the data chunk (the audio, without any header).</summary>
    public ReadOnlySpan<byte> Data => File.AsSpan(DataOffset, DataLength);

    public static FloatWav Read(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        if (Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }
        int channels = 0, rate = 0, bits = 0, format = 0, dataOffset = -1, dataLength = 0;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var id = Encoding.ASCII.GetString(bytes, at, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
            if (id == "fmt ")
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 8));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 12));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 22));
            }
            else if (id == "data")
            {
                dataOffset = at + 8;
                dataLength = Math.Min(size, bytes.Length - dataOffset);
                break;
            }
            at += 8 + size + (size & 1);
        }
        if (dataOffset < 0 || bits != 32 || format is not (3 or 0xFFFE) || channels < 1)
        {
            throw new InvalidDataException($"{path}: expected 32-bit float PCM with a data chunk, got format {format}, {bits} bits, {channels} channels");
        }
        var frames = dataLength / (4 * channels);
        var data = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            data[c] = new float[frames];
            for (var f = 0; f < frames; f++)
            {
                data[c][f] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataOffset + (4 * ((f * channels) + c))));
            }
        }
        return new FloatWav(rate, data, bytes, dataOffset, dataLength);
    }
}
