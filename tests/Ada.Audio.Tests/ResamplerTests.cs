namespace Ada.Audio.Tests;

/// <summary>Lengths, alignment and argument checks of the offline resampler.</summary>
public class ResamplerTests
{
    static readonly (int From, int To)[] RatePairs =
        [(16000, 44100), (44100, 16000), (16000, 48000), (48000, 16000), (16000, 96000), (96000, 16000), (44100, 48000), (22050, 16000)];

    [Test]
    public void OutputLengthIsTheRoundedDurationAtTheNewRate([Values(0, 1, 2, 3, 100, 160, 441, 12345)] int n)
    {
        foreach (var (from, to) in RatePairs)
        {
            int expected = (int)Math.Round((double)n * to / from, MidpointRounding.AwayFromZero);
            Assert.That(Resampler.Resample(new float[n], from, to), Has.Length.EqualTo(expected), $"{from}->{to}, n = {n}");
        }
    }

    [Test]
    public void SameRateReturnsACopyOfTheInput()
    {
        var x = Signals.Sine(1000, 440, 16000);
        var y = Resampler.Resample(x, 16000, 16000);
        Assert.That(y, Is.EqualTo(x));
        Assert.That(y, Is.Not.SameAs(x));
    }

    [Test]
    public void ImpulseLandsAtTheCorrespondingTimeAfterIntegerUpsampling()
    {
        var x = new float[400];
        x[123] = 1;
        var y = Resampler.Resample(x, 16000, 48000);
        int peak = Array.IndexOf(y, y.Max());
        Assert.That(peak, Is.EqualTo(3 * 123));
        // A unit impulse low-passed at a fraction c of Nyquist peaks at c (the area under the passband).
        var q = ResamplerQuality.Default;
        Assert.That(y[peak], Is.EqualTo((q.PassbandEdge + q.StopbandEdge) / 2).Within(1e-3));
    }

    [Test]
    public void StereoChannelsAreResampledIndependently()
    {
        var left = Signals.Sine(4410, 440, 44100);
        var interleaved = new float[2 * left.Length];
        for (int t = 0; t < left.Length; t++)
            interleaved[2 * t] = left[t];
        var y = Resampler.Resample(new AudioBuffer(interleaved, 44100, 2), 16000);
        Assert.That((y.SampleRate, y.Channels, y.FrameCount), Is.EqualTo((16000, 2, 1600)));
        Assert.That(y.GetChannel(0), Is.EqualTo(Resampler.Resample(left, 44100, 16000)));
        Assert.That(y.GetChannel(1), Is.All.EqualTo(0f));
    }

    [Test]
    public void RejectsRatesThatReduceToHugeFactors()
    {
        var e = Assert.Throws<ArgumentException>(() => Resampler.Resample(new float[10], 44100, 44101));
        Assert.That(e!.Message, Does.Contain("44100 -> 44101"));
    }

    [Test]
    public void RejectsNonPositiveRates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[10], 0, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(new float[10], 16000, -1));
    }

    [Test]
    public void RejectsAnInvertedQualityDesign()
    {
        var quality = new ResamplerQuality(PassbandEdge: 0.9, StopbandEdge: 0.8);
        Assert.Throws<ArgumentException>(() => Resampler.Resample(new float[10], 16000, 48000, quality));
    }
}
