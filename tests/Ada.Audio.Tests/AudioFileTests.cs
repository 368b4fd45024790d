namespace Ada.Audio.Tests;

/// <summary>The façade's read-downmix-resample path.</summary>
public class AudioFileTests
{
    [Test]
    public void ReadMonoDownmixesAndResamplesTheOgg()
    {
        var mono = AudioFile.ReadMono(Fixtures.StereoOgg, 16000);
        Assert.That(mono, Has.Length.EqualTo(16000));
        // Each channel's 0.5-amplitude tone becomes 0.25 in the average.
        Assert.That(Signals.ToneAmplitude(mono, 440, 16000), Is.EqualTo(0.25).Within(0.02));
        Assert.That(Signals.ToneAmplitude(mono, 880, 16000), Is.EqualTo(0.25).Within(0.02));
    }

    [Test]
    public void ReadMonoOfAStereoWavAt48kMatchesTheDownmixedSineAt16k()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        var left = Signals.Sine(48000, 1000, 48000, 0.8);
        var stereo = new float[2 * left.Length];
        for (int t = 0; t < left.Length; t++)
            stereo[2 * t] = left[t];
        AudioFile.WriteWav(path, new AudioBuffer(stereo, 48000, 2), WavEncoding.Float32);

        var mono = AudioFile.ReadMono(path, 16000);
        var expected = Signals.Sine(16000, 1000, 16000, 0.4);
        Assert.That(Signals.SnrDb(Signals.Middle(mono), Signals.Middle(expected)), Is.GreaterThan(60));
    }

    [Test]
    public void ReadMonoAtTheFilesOwnRateIsTheDownmixUnchanged()
    {
        using var dir = new TempDirectory();
        var path = dir.File("x.wav");
        AudioFile.WriteWav(path, new AudioBuffer([0.5f, 0.25f, -0.5f, 0f], 16000, 2), WavEncoding.Float32);
        Assert.That(AudioFile.ReadMono(path, 16000), Is.EqualTo(new[] { 0.375f, -0.25f }));
    }
}
