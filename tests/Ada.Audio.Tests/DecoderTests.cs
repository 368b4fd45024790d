namespace Ada.Audio.Tests;

/// <summary>OGG and MP3 decoding of real encoder output (the committed sox fixtures): rate, channels, length, pitch, level.</summary>
public class DecoderTests
{
    [Test]
    public void OggVorbisDecodesBothChannelsWithTheirPitchAndLevel()
    {
        var audio = AudioFile.Read(Fixtures.StereoOgg);
        Assert.That((audio.SampleRate, audio.Channels), Is.EqualTo((44100, 2)));
        Assert.That(audio.FrameCount, Is.EqualTo(44100), "Vorbis stores the exact length in the last granule position");

        var left = audio.GetChannel(0);
        var right = audio.GetChannel(1);
        Assert.That(Signals.ZeroCrossingFrequency(Signals.Middle(left), 44100), Is.EqualTo(440).Within(5));
        Assert.That(Signals.ZeroCrossingFrequency(Signals.Middle(right), 44100), Is.EqualTo(880).Within(5));
        Assert.That(Signals.ToneAmplitude(left, 440, 44100), Is.EqualTo(0.5).Within(0.03));
        Assert.That(Signals.ToneAmplitude(right, 880, 44100), Is.EqualTo(0.5).Within(0.03));
        Assert.That(Signals.ToneAmplitude(left, 880, 44100), Is.LessThan(0.01), "channels are not swapped or mixed");
    }

    [Test]
    public void Mp3DecodesPitchAndLevel()
    {
        var audio = AudioFile.Read(Fixtures.MonoMp3);
        Assert.That((audio.SampleRate, audio.Channels), Is.EqualTo((44100, 1)));
        // Without a LAME tag the encoder delay and padding stay in: at most two extra 1152-sample frames.
        Assert.That(audio.FrameCount, Is.InRange(44100, 44100 + 2 * 1152));
        Assert.That(Signals.ZeroCrossingFrequency(Signals.Middle(audio.Samples), 44100), Is.EqualTo(440).Within(5));
        Assert.That(Signals.Rms(Signals.Middle(audio.Samples)) * Math.Sqrt(2), Is.EqualTo(0.5).Within(0.03));
    }

    [Test]
    public void ReadInfoAgreesWithAFullDecode()
    {
        foreach (var (path, format) in new[] { (Fixtures.StereoOgg, AudioFormat.OggVorbis), (Fixtures.MonoMp3, AudioFormat.Mp3) })
        {
            var audio = AudioFile.Read(path);
            Assert.That(AudioFile.ReadInfo(path), Is.EqualTo(new AudioInfo(format, audio.SampleRate, audio.Channels, audio.FrameCount)), path);
        }
    }

    [Test]
    public void FormatComesFromContentNotExtension()
    {
        using var dir = new TempDirectory();
        var oggAsWav = dir.Write("really-ogg.wav", File.ReadAllBytes(Fixtures.StereoOgg));
        var mp3AsTxt = dir.Write("really-mp3.txt", File.ReadAllBytes(Fixtures.MonoMp3));
        var wavAsMp3 = dir.Write("really-wav.mp3", WavBytes.File(WavBytes.Pcm, 1, 8000, 16, WavBytes.Int16s(16384)));
        Assert.That(AudioFile.DetectFormat(oggAsWav), Is.EqualTo(AudioFormat.OggVorbis));
        Assert.That(AudioFile.DetectFormat(mp3AsTxt), Is.EqualTo(AudioFormat.Mp3));
        Assert.That(AudioFile.DetectFormat(wavAsMp3), Is.EqualTo(AudioFormat.Wav));
        Assert.That(AudioFile.Read(oggAsWav).Channels, Is.EqualTo(2));
        Assert.That(AudioFile.Read(wavAsMp3).Samples, Is.EqualTo(new[] { 0.5f }));
    }
}
