namespace Ada.Audio.Tests;

/// <summary>Measured quality of the band-limited resampler: SNR of round trips, alias and image rejection, passband flatness.</summary>
public class ResamplerQualityTests
{
    const double RequiredSnrDb = 60;
    const double RequiredRejectionDb = -60;

    [Test]
    public void SevenKilohertzSurvives48kTo16kAndBackAbove60DbSnr()
    {
        // 7 kHz is inside the 16 kHz passband (edge 0.875 × 8 kHz); its 9 kHz image must be removed on the way back up.
        var x = Signals.Sine(48000, 7000, 48000, amplitude: 0.9);
        var y = Resampler.Resample(Resampler.Resample(x, 48000, 16000), 16000, 48000);
        double snr = Signals.SnrDb(Signals.Middle(y), Signals.Middle(x));
        TestContext.Out.WriteLine($"7 kHz 48k->16k->48k SNR vs the exact sine: {snr:F1} dB");
        Assert.That(snr, Is.GreaterThan(RequiredSnrDb));
    }

    [Test]
    public void OneKilohertzSurvives16kTo44k1AndBackAbove60DbSnr()
    {
        var x = Signals.Sine(16000, 1000, 16000, amplitude: 0.9);
        var y = Resampler.Resample(Resampler.Resample(x, 16000, 44100), 44100, 16000);
        double snr = Signals.SnrDb(Signals.Middle(y), Signals.Middle(x));
        TestContext.Out.WriteLine($"1 kHz 16k->44.1k->16k SNR: {snr:F1} dB");
        Assert.That(snr, Is.GreaterThan(RequiredSnrDb));
    }

    [TestCase(16000, 44100, 1000.0)]
    [TestCase(16000, 48000, 5000.0)]
    [TestCase(48000, 16000, 3000.0)]
    [TestCase(16000, 96000, 7000.0)]
    [TestCase(44100, 16000, 440.0)]
    public void OutputIsTheSameSineSampledAtTheNewRateWithNoDelay(int from, int to, double frequency)
    {
        // Comparing with the exact sine at the new rate (no amplitude or phase fitting) also checks the delay compensation.
        var y = Resampler.Resample(Signals.Sine(from, frequency, from, 0.9), from, to);
        double snr = Signals.SnrDb(Signals.Middle(y), Signals.Middle(Signals.Sine(to, frequency, to, 0.9)));
        TestContext.Out.WriteLine($"{frequency} Hz {from}->{to} SNR vs exact: {snr:F1} dB");
        Assert.That(snr, Is.GreaterThan(RequiredSnrDb));
    }

    [TestCase(8500.0)]
    [TestCase(10000.0)]
    [TestCase(12000.0)]
    [TestCase(15000.0)]
    [TestCase(20000.0)]
    [TestCase(23900.0)]
    public void ContentAbove8kHzIsSuppressedWhenDownsampling48kTo16k(double frequency)
    {
        var y = Resampler.Resample(Signals.Sine(48000, frequency, 48000, amplitude: 1.0), 48000, 16000);
        double level = Signals.Db(Signals.Rms(Signals.Middle(y)) * Math.Sqrt(2));
        TestContext.Out.WriteLine($"{frequency} Hz full scale 48k->16k: {level:F1} dBFS");
        Assert.That(level, Is.LessThan(RequiredRejectionDb));
    }

    [TestCase(1000.0)]
    [TestCase(7000.0)]
    public void ImagesAreSuppressedWhenUpsampling16kTo48k(double frequency)
    {
        var y = Resampler.Resample(Signals.Sine(16000, frequency, 16000, amplitude: 1.0), 16000, 48000);
        double image = Signals.ToneAmplitude(Signals.Middle(y), 16000 - frequency, 48000);
        double tone = Signals.ToneAmplitude(Signals.Middle(y), frequency, 48000);
        TestContext.Out.WriteLine($"{frequency} Hz 16k->48k: tone {Signals.Db(tone):F3} dB, image at {16000 - frequency} Hz {Signals.Db(image):F1} dB");
        Assert.That(Signals.Db(image), Is.LessThan(RequiredRejectionDb));
        Assert.That(tone, Is.EqualTo(1.0).Within(0.01));
    }

    [TestCase(100.0)]
    [TestCase(1000.0)]
    [TestCase(4000.0)]
    [TestCase(6900.0)]
    public void PassbandIsFlatWithin0Point01Db(double frequency)
    {
        var y = Resampler.Resample(Signals.Sine(48000, frequency, 48000, amplitude: 0.5), 48000, 16000);
        double gainDb = Signals.Db(Signals.Rms(Signals.Middle(y)) * Math.Sqrt(2) / 0.5);
        Assert.That(Math.Abs(gainDb), Is.LessThan(0.01));
    }

    [TestCase(16000, 44100)]
    [TestCase(44100, 16000)]
    [TestCase(16000, 48000)]
    public void ConstantSignalKeepsItsLevel(int from, int to)
    {
        var y = Resampler.Resample(Enumerable.Repeat(0.5f, from).ToArray(), from, to);
        foreach (float v in Signals.Middle(y))
            Assert.That(v, Is.EqualTo(0.5f).Within(1e-4));
    }
}
