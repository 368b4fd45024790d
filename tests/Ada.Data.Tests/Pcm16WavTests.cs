using System.Buffers.Binary;

namespace Ada.Data.Tests;

public class Pcm16WavTests
{
    /// <summary>A PCM WAV header with arbitrary format fields, followed by <paramref name="dataBytes"/> bytes of data.</summary>
    private static byte[] Header(int channels, int rate, int bits, int dataBytes, int formatTag = 1)
    {
        var bytes = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), (short)formatTag);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * channels * bits / 8);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)(channels * bits / 8));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), (short)bits);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), dataBytes);
        return bytes;
    }

    private static InvalidDataException ErrorFor(byte[] file, string name)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        File.WriteAllBytes(path, file);
        var error = Assert.Throws<InvalidDataException>(() => Pcm16Wav.ReadInfo(path))!;
        Assert.That(error.Message, Does.Contain(path));
        return error;
    }

    [Test]
    public void Written_samples_read_back_identically_behind_a_44_byte_header()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        short[] samples = [0, 1, -1, short.MaxValue, short.MinValue, 1234];

        Pcm16Wav.Write(path, samples);

        Assert.That(Pcm16Wav.ReadInfo(path), Is.EqualTo(new WavInfo(44, samples.Length)));
        Assert.That(Pcm16Wav.ReadAll(path), Is.EqualTo(samples));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(44 + 2 * samples.Length));
    }

    [Test]
    public void Extra_chunks_before_data_are_skipped()
    {
        var plain = Header(1, 16000, 16, 4);
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, 1, 2, 3, 0]; // odd size: padded to even
        var file = plain[..36].Concat(list).Concat(plain[36..]).ToArray();
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(file.Length - 4), 300);
        using var dir = new TempDirectory();
        var path = dir.File("list.wav");
        File.WriteAllBytes(path, file);

        Assert.That(Pcm16Wav.ReadInfo(path), Is.EqualTo(new WavInfo(36 + list.Length + 8, 2)));
        Assert.That(Pcm16Wav.ReadAll(path)[0], Is.EqualTo(300));
    }

    [Test]
    public void Stereo_is_rejected_naming_the_file() =>
        Assert.That(ErrorFor(Header(2, 16000, 16, 8), "stereo.wav").Message, Does.Contain("2 channel(s)"));

    [Test]
    public void Other_sample_rate_is_rejected() =>
        Assert.That(ErrorFor(Header(1, 44100, 16, 8), "cd.wav").Message, Does.Contain("44100 Hz"));

    [Test]
    public void Other_bit_depth_is_rejected() =>
        Assert.That(ErrorFor(Header(1, 16000, 24, 6), "deep.wav").Message, Does.Contain("24 bits"));

    [Test]
    public void Float_format_is_rejected() =>
        Assert.That(ErrorFor(Header(1, 16000, 16, 8, formatTag: 3), "float.wav").Message, Does.Contain("format tag 3"));

    [Test]
    public void Data_chunk_longer_than_the_file_is_rejected()
    {
        var file = Header(1, 16000, 16, 8);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(40), 1_000_000);

        Assert.That(ErrorFor(file, "cut.wav").Message, Does.Contain("truncated"));
    }

    [Test]
    public void Not_a_wav_is_rejected() =>
        Assert.That(ErrorFor("OggS and some more bytes here"u8.ToArray(), "song.ogg").Message, Does.Contain("RIFF/WAVE"));
}
