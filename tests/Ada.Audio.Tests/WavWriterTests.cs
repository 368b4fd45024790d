namespace Ada.Audio.Tests;

/// <summary>WAV writing: exact round trips, byte layout, streaming, atomic replacement and the no-overwrite option.</summary>
public class WavWriterTests
{
    [TestCase(WavEncoding.Pcm8, 8)]
    [TestCase(WavEncoding.Pcm16, 16)]
    [TestCase(WavEncoding.Pcm24, 24)]
    [TestCase(WavEncoding.Pcm32, 24)]
    public void IntegerSamplesOnTheFormatsGridRoundTripExactly(WavEncoding encoding, int bits)
    {
        // Multiples of 2^-(bits-1) in [-1, 1) are exactly the values the integer format can hold (Pcm32 tested on a float-exact grid).
        var random = new Random(bits);
        float scale = MathF.Pow(2, bits - 1);
        var samples = Enumerable.Range(0, 3000).Select(_ => random.Next(-(int)scale, (int)scale) / scale).ToArray();
        samples[0] = -1f;
        samples[1] = (scale - 1) / scale;
        Assert.That(RoundTrip(samples, 2, encoding).Samples, Is.EqualTo(samples));
    }

    [Test]
    public void Float32RoundTripsAnyValue()
    {
        var random = new Random(32);
        var samples = Enumerable.Range(0, 1001).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var audio = RoundTrip(samples, 1, WavEncoding.Float32);
        Assert.That(audio.Samples, Is.EqualTo(samples));
        Assert.That(audio.SampleRate, Is.EqualTo(44100));
    }

    [Test]
    public void IntegerEncodingsClipAndWriteNaNAsSilence()
    {
        var audio = RoundTrip([1.5f, -3f, float.NaN, 1f], 1, WavEncoding.Pcm16);
        Assert.That(audio.Samples, Is.EqualTo(new[] { 32767f / 32768, -1f, 0f, 32767f / 32768 }));
    }

    [Test]
    public void Pcm16StereoFileIsByteForByteTheSpecLayout()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        AudioFile.WriteWav(path, new AudioBuffer([0.5f, -0.5f, 0.25f, -1f], 22050, 2));
        var expected = WavBytes.File(WavBytes.Pcm, 2, 22050, 16, WavBytes.Int16s(16384, -16384, 8192, -32768));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(expected));
    }

    [Test]
    public void OddLengthDataGetsAPadByteAndReadsBackWhole()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        AudioFile.WriteWav(path, new AudioBuffer([0.5f, 0f, -0.5f], 8000, 1), WavEncoding.Pcm8);
        Assert.That(new FileInfo(path).Length % 2, Is.Zero);
        Assert.That(AudioFile.Read(path).Samples, Is.EqualTo(new[] { 0.5f, 0f, -0.5f }));
    }

    [Test]
    public void BlockByBlockWritingGivesTheSameFileAsOneWrite()
    {
        var samples = Signals.Sine(9000, 440, 48000);
        using var dir = new TempDirectory();
        var whole = dir.File("whole.wav");
        var blocks = dir.File("blocks.wav");
        AudioFile.WriteWav(whole, new AudioBuffer(samples, 48000, 2), WavEncoding.Pcm24);
        using (var writer = WavWriter.Create(blocks, 48000, 2, WavEncoding.Pcm24))
        {
            var random = new Random(1);
            for (int pos = 0; pos < samples.Length;)
            {
                int n = Math.Min(2 * random.Next(0, 700), samples.Length - pos);
                writer.Write(samples.AsSpan(pos, n));
                pos += n;
            }
            Assert.That(writer.FrameCount, Is.EqualTo(4500));
            writer.Finish();
        }
        Assert.That(File.ReadAllBytes(blocks), Is.EqualTo(File.ReadAllBytes(whole)));
    }

    [Test]
    public void StreamTargetGetsTheSameBytesAsAFile()
    {
        var samples = Signals.Sine(1000, 440, 16000);
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        AudioFile.WriteWav(path, new AudioBuffer(samples, 16000, 1), WavEncoding.Float32);
        using var memory = new MemoryStream();
        using (var writer = new WavWriter(memory, 16000, 1, WavEncoding.Float32, leaveOpen: true))
        {
            writer.Write(samples);
            writer.Finish();
        }
        Assert.That(memory.ToArray(), Is.EqualTo(File.ReadAllBytes(path)));
    }

    [Test]
    public void TargetAppearsOnlyOnFinishAndNoTemporaryFileRemains()
    {
        using var dir = new TempDirectory();
        var path = dir.File("render.wav");
        using (var writer = WavWriter.Create(path, 16000, 1))
        {
            writer.Write(new float[1600]);
            Assert.That(File.Exists(path), Is.False);
            Assert.That(dir.FileNames(), Has.One.StartsWith("render.wav.tmp-"));
            writer.Finish();
        }
        Assert.That(dir.FileNames(), Is.EqualTo(new[] { "render.wav" }));
        Assert.That(AudioFile.ReadInfo(path).FrameCount, Is.EqualTo(1600));
    }

    [Test]
    public void DisposingWithoutFinishLeavesNothingBehind()
    {
        using var dir = new TempDirectory();
        using (var writer = WavWriter.Create(dir.File("x.wav"), 16000, 1))
            writer.Write(new float[100]);
        Assert.That(dir.FileNames(), Is.Empty);
    }

    [Test]
    public void OverwriteReplacesAnExistingFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.wav", "old"u8);
        AudioFile.WriteWav(path, new AudioBuffer([0.5f], 8000, 1));
        Assert.That(AudioFile.Read(path).Samples, Is.EqualTo(new[] { 0.5f }));
    }

    [Test]
    public void RefusingOverwriteFailsEarlyAndKeepsTheOldFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.wav", "old"u8);
        var e = Assert.Throws<IOException>(() => AudioFile.WriteWav(path, new AudioBuffer([0.5f], 8000, 1), overwrite: false));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain("already exists"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(dir.FileNames(), Is.EqualTo(new[] { "x.wav" }));
    }

    [Test]
    public void RefusingOverwriteAlsoCatchesAFileCreatedDuringTheRender()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        using var writer = WavWriter.Create(path, 8000, 1, overwrite: false);
        writer.Write([0.5f]);
        File.WriteAllText(path, "someone else");
        Assert.Throws<IOException>(writer.Finish);
        Assert.That(File.ReadAllText(path), Is.EqualTo("someone else"));
        Assert.That(dir.FileNames(), Is.EqualTo(new[] { "x.wav" }));
    }

    [Test]
    public void RejectsPartialFramesAndWritesAfterFinish()
    {
        using var memory = new MemoryStream();
        var writer = new WavWriter(memory, 8000, 2);
        Assert.Throws<ArgumentException>(() => writer.Write(new float[3]));
        writer.Finish();
        Assert.Throws<ObjectDisposedException>(() => writer.Write(new float[2]));
    }

    [TestCase(WavEncoding.Pcm16, "16", "Signed Integer PCM")]
    [TestCase(WavEncoding.Pcm24, "24", "Signed Integer PCM")]
    [TestCase(WavEncoding.Float32, "32", "Floating Point PCM")]
    public void SoxReadsWhatWeWrite(WavEncoding encoding, string bits, string soxEncoding)
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        AudioFile.WriteWav(path, new AudioBuffer(Signals.Sine(2 * 4410, 440, 44100, 0.5), 44100, 2), encoding);
        Assert.That(Sox.Run("--i", "-r", path), Is.EqualTo("44100"));
        Assert.That(Sox.Run("--i", "-c", path), Is.EqualTo("2"));
        Assert.That(Sox.Run("--i", "-s", path), Is.EqualTo("4410"));
        Assert.That(Sox.Run("--i", "-b", path), Is.EqualTo(bits));
        Assert.That(Sox.Run("--i", "-e", path), Is.EqualTo(soxEncoding));
    }

    static AudioBuffer RoundTrip(float[] samples, int channels, WavEncoding encoding)
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        AudioFile.WriteWav(path, new AudioBuffer(samples, 44100, channels), encoding);
        return AudioFile.Read(path);
    }
}
