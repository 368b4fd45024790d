namespace Ada.Audio.Tests;

/// <summary>Broken and unsupported files fail with an error that starts with the path and names the problem.</summary>
public class BadFileTests
{
    static readonly byte[] Fmt16Mono = WavBytes.Chunk("fmt ", WavBytes.Fmt(WavBytes.Pcm, 1, 16000, 16));

    static IEnumerable<TestCaseData> BrokenFiles()
    {
        TestCaseData Case(string name, byte[] bytes, params string[] words) => new TestCaseData(bytes, words).SetName(name);

        yield return Case("ZeroLength", [], "empty file", "zero length");
        yield return Case("ThreeBytes", "RIF"u8.ToArray(), "truncated header");
        yield return Case("TextFile", "just some text, not audio"u8.ToArray(), "not a WAV/OGG/MP3 file");
        yield return Case("RiffButNotWave", [.. "RIFF"u8, 4, 0, 0, 0, .. "AVI "u8], "not a WAV file", "AVI");
        yield return Case("RiffHeaderCut", "RIFF\u0004\0\0\0WA"u8.ToArray(), "truncated header");
        yield return Case("BigEndianRifx", [.. "RIFX"u8, 4, 0, 0, 0, .. "WAVE"u8], "unsupported WAV variant");
        yield return Case("FmtChunkCut", WavBytes.Riff(WavBytes.ChunkWithSize("fmt ", 16, new byte[6])), "truncated header", "'fmt '");
        yield return Case("FmtChunkTooSmall", WavBytes.Riff(WavBytes.Chunk("fmt ", new byte[8])), "truncated header", "needs 16");
        yield return Case("DataChunkCut", WavBytes.Riff(Fmt16Mono, WavBytes.ChunkWithSize("data", 1000, new byte[10])), "truncated data", "1000");
        yield return Case("DataEndsInsideAFrame", WavBytes.Riff(Fmt16Mono, WavBytes.Chunk("data", new byte[5])), "truncated data", "frame");
        yield return Case("StrayBytesAfterFmt", WavBytes.Riff(Fmt16Mono, [1, 2, 3]), "truncated header");
        yield return Case("EmptyDataChunk", WavBytes.Riff(Fmt16Mono, WavBytes.Chunk("data", [])), "no samples");
        yield return Case("NoDataChunk", WavBytes.Riff(Fmt16Mono), "no 'data' chunk");
        yield return Case("NoFmtChunk", WavBytes.Riff(WavBytes.Chunk("LIST", new byte[4])), "no 'fmt ' chunk");
        yield return Case("DataBeforeFmt", WavBytes.Riff(WavBytes.Chunk("data", new byte[4]), Fmt16Mono), "before the 'fmt ' chunk");
        yield return Case("ALaw", WavBytes.File(WavBytes.ALaw, 1, 8000, 8, new byte[8]), "unsupported WAV format", "A-law");
        yield return Case("TwelveBit", WavBytes.File(WavBytes.Pcm, 1, 8000, 12, new byte[8]), "unsupported WAV format", "12 bits");
        yield return Case("Float64", WavBytes.File(WavBytes.IeeeFloat, 1, 8000, 64, new byte[16]), "unsupported WAV format", "IEEE float with 64 bits");
        yield return Case("NineChannels", WavBytes.File(WavBytes.Pcm, 9, 8000, 16, new byte[18]), "unsupported WAV format", "9 channels");
        yield return Case("ZeroChannels", WavBytes.File(WavBytes.Pcm, 0, 8000, 16, new byte[2]), "unsupported WAV format", "0 channels");
        yield return Case("SampleRateZero", WavBytes.File(WavBytes.Pcm, 1, 0, 16, new byte[4]), "unsupported WAV format", "sample rate 0");
        yield return Case("WrongBlockAlign",
            WavBytes.Riff(WavBytes.Chunk("fmt ", WavBytes.Fmt(WavBytes.Pcm, 2, 8000, 16, blockAlign: 2)), WavBytes.Chunk("data", new byte[8])),
            "block align 2", "need 4");
        yield return Case("ExtensibleWithUnknownGuid",
            WavBytes.Riff(WavBytes.Chunk("fmt ", [.. WavBytes.FmtExtensible(WavBytes.Pcm, 1, 8000, 16, 16)[..39], 0x72]), WavBytes.Chunk("data", new byte[2])),
            "sub-format GUID");
        yield return Case("OggOpus", OggPageWithPacket("OpusHead"u8), "unsupported Ogg codec", "OpusHead");
        yield return Case("Id3FollowedByGarbage", [.. "ID3"u8, 3, 0, 0, 0, 0, 0, 0, .. Garbage(3000)], "MP3");
        yield return Case("MpegSyncFollowedByGarbage", [0xFF, 0xFB, 0x90, 0x64, .. Garbage(3000)], "MP3");
    }

    [TestCaseSource(nameof(BrokenFiles))]
    public void ReadFailsWithThePathAndTheProblem(byte[] bytes, string[] words)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.wav", bytes);
        var e = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path))!;
        Assert.That(e.Message, Does.StartWith(path + ": "));
        Assert.That(e.Path, Is.EqualTo(path));
        foreach (var word in words)
            Assert.That(e.Message, Does.Contain(word));

        var info = Assert.Throws<AudioFormatException>(() => AudioFile.ReadInfo(path))!;
        Assert.That(info.Message, Does.StartWith(path + ": "), "ReadInfo checks the headers as strictly");
    }

    [TestCase(0.004)]
    [TestCase(0.5)]
    [TestCase(0.99)]
    public void TruncatedOggIsReportedAsTruncated(double keep)
    {
        var ogg = File.ReadAllBytes(Fixtures.StereoOgg);
        using var dir = new TempDirectory();
        var path = dir.Write("cut.ogg", ogg.AsSpan(0, (int)(ogg.Length * keep)));
        var e = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path))!;
        Assert.That(e.Message, Does.StartWith(path).And.Contain("truncated"));
    }

    [Test]
    public void CorruptOggBodyIsReportedAsOggData()
    {
        var ogg = File.ReadAllBytes(Fixtures.StereoOgg);
        Garbage(3000).CopyTo(ogg, 100);
        using var dir = new TempDirectory();
        var path = dir.Write("corrupt.ogg", ogg);
        var e = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path))!;
        Assert.That(e.Message, Does.StartWith(path).And.Contain("Ogg Vorbis"));
    }

    [Test]
    public void MissingFileIsFileNotFoundWithThePath()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nowhere.ogg");
        var e = Assert.Throws<FileNotFoundException>(() => AudioFile.Read(path))!;
        Assert.That(e.Message, Does.StartWith(path).And.Contain("not found"));
        Assert.That(e.FileName, Is.EqualTo(path));
        Assert.Throws<FileNotFoundException>(() => AudioFile.ReadInfo(path));
        Assert.Throws<FileNotFoundException>(() => AudioFile.ReadMono(path, 16000));
    }

    [Test]
    public void AudioFormatExceptionIsAnIOException() =>
        Assert.That(new AudioFormatException("a.wav", "bad"), Is.InstanceOf<IOException>().And.Message.EqualTo("a.wav: bad"));

    // A single Ogg page whose first packet is the given codec identification header.
    static byte[] OggPageWithPacket(ReadOnlySpan<byte> packet)
    {
        byte[] header = [.. "OggS"u8, 0, 2, .. new byte[20], 1, (byte)packet.Length];
        return [.. header, .. packet];
    }

    static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
