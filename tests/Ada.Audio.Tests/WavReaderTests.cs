namespace Ada.Audio.Tests;

/// <summary>Reading hand-built WAV files: every sample encoding maps full scale 2^(bits-1) to 1.0 as the spec's integer ranges imply.</summary>
public class WavReaderTests
{
    static AudioBuffer ReadBytes(byte[] file)
    {
        using var dir = new TempDirectory();
        return AudioFile.Read(dir.Write("x.wav", file));
    }

    [Test]
    public void Pcm8IsUnsignedWith128AsZero()
    {
        var audio = ReadBytes(WavBytes.File(WavBytes.Pcm, 1, 8000, 8, [128, 0, 255, 192]));
        Assert.That(audio.Samples, Is.EqualTo(new[] { 0f, -1f, 127f / 128, 0.5f }));
    }

    [Test]
    public void Pcm16ScalesBy32768()
    {
        var audio = ReadBytes(WavBytes.File(WavBytes.Pcm, 1, 16000, 16, WavBytes.Int16s(0, 16384, -32768, 32767, -1)));
        Assert.That(audio.Samples, Is.EqualTo(new[] { 0f, 0.5f, -1f, 32767f / 32768, -1f / 32768 }));
        Assert.That((audio.SampleRate, audio.Channels, audio.FrameCount), Is.EqualTo((16000, 1, 5)));
    }

    [Test]
    public void Pcm24IsSignExtended()
    {
        var audio = ReadBytes(WavBytes.File(WavBytes.Pcm, 1, 48000, 24, WavBytes.Int24s(0x400000, -0x800000, 0x7FFFFF, -1)));
        Assert.That(audio.Samples, Is.EqualTo(new[] { 0.5f, -1f, 8388607f / 8388608, -1f / 8388608 }));
    }

    [Test]
    public void Pcm32ScalesBy2To31()
    {
        var audio = ReadBytes(WavBytes.File(WavBytes.Pcm, 1, 48000, 32, WavBytes.Int32s(1 << 30, int.MinValue, -(1 << 29))));
        Assert.That(audio.Samples, Is.EqualTo(new[] { 0.5f, -1f, -0.25f }));
    }

    [Test]
    public void Float32IsReadVerbatim()
    {
        float[] values = [0.25f, -0.75f, 1.5f, 1e-7f];
        var audio = ReadBytes(WavBytes.File(WavBytes.IeeeFloat, 2, 44100, 32, WavBytes.Floats(values)));
        Assert.That(audio.Samples, Is.EqualTo(values));
        Assert.That((audio.Channels, audio.FrameCount), Is.EqualTo((2, 2)));
    }

    [Test]
    public void ExtensibleFormatUsesItsSubFormatAndKeepsChannelOrder()
    {
        // Stereo 24-bit in a 24-bit container: frames (L, R) = (0.5, -0.5), (0.25, -0.25).
        var data = WavBytes.Int24s(0x400000, -0x400000, 0x200000, -0x200000);
        var file = WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.FmtExtensible(WavBytes.Pcm, 2, 96000, 24, 24)), WavBytes.Chunk("data", data));
        var audio = ReadBytes(file);
        Assert.That(audio.GetChannel(0), Is.EqualTo(new[] { 0.5f, 0.25f }));
        Assert.That(audio.GetChannel(1), Is.EqualTo(new[] { -0.5f, -0.25f }));
        Assert.That(audio.SampleRate, Is.EqualTo(96000));
    }

    [Test]
    public void SkipsUnknownChunksIncludingOddSizedOnesWithTheirPadByte()
    {
        var file = WavBytes.Riff(
            WavBytes.Chunk("LIST", "abc"u8.ToArray()),
            WavBytes.Chunk("fmt ", WavBytes.Fmt(WavBytes.Pcm, 1, 8000, 16)),
            WavBytes.Chunk("junk", new byte[7]),
            WavBytes.Chunk("data", WavBytes.Int16s(8192, -8192)));
        Assert.That(ReadBytes(file).Samples, Is.EqualTo(new[] { 0.25f, -0.25f }));
    }

    [Test]
    public void AcceptsAnOversizedFmtChunkWithCbSize()
    {
        byte[] fmt = [.. WavBytes.Fmt(WavBytes.Pcm, 1, 8000, 16), 0, 0];
        var file = WavBytes.Riff(WavBytes.Chunk("fmt ", fmt), WavBytes.Chunk("data", WavBytes.Int16s(-16384)));
        Assert.That(ReadBytes(file).Samples, Is.EqualTo(new[] { -0.5f }));
    }

    [Test]
    public void ReadInfoReportsTheHeaderWithoutNeedingSamples()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.wav", WavBytes.File(WavBytes.Pcm, 2, 22050, 16, new byte[4 * 22050]));
        var info = AudioFile.ReadInfo(path);
        Assert.That(info, Is.EqualTo(new AudioInfo(AudioFormat.Wav, 22050, 2, 22050)));
        Assert.That(info.Duration, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void ReadsFromAStreamThatDoesNotStartAtOffsetZero()
    {
        var file = WavBytes.File(WavBytes.Pcm, 1, 8000, 16, WavBytes.Int16s(16384));
        using var stream = new MemoryStream([.. new byte[5], .. file]);
        stream.Position = 5;
        Assert.That(WavReader.Read(stream, "memory").Samples, Is.EqualTo(new[] { 0.5f }));
    }
}
