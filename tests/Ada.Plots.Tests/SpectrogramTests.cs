namespace Ada.Plots.Tests;

public class SpectrogramTests
{
    const int Rate = 16000;

    [Test]
    public void SinePeaksAtItsFrequencyInEveryFrame()
    {
        var s = Spectrogram.Compute(Signals.Sine(Rate, 1000, Rate, amplitude: 0.5), Rate);

        double binWidth = (double)Rate / s.Config.FftSize;
        for (int t = 0; t < s.FrameCount; t++)
            Assert.That(s.Frequencies[s.PeakBin(t)], Is.EqualTo(1000).Within(binWidth), $"frame {t}");
        // 1 kHz is a bin centre at 16 kHz / 1024, so the scaling 2 / Σ window reads the amplitude 0.5 exactly.
        Assert.That(s.PeakDb, Is.EqualTo(20 * Math.Log10(0.5)).Within(0.05));
    }

    [Test]
    public void SineFloorIsFarBelowThePeakAndClippedAtTheRange()
    {
        var s = Spectrogram.Compute(Signals.Sine(Rate, 1000, Rate, amplitude: 0.5), Rate);

        var values = s.Db.Cast<double>().ToArray();
        Assert.That(values.Min(), Is.LessThan(s.PeakDb - 80));
        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(s.PeakDb - 90 - 1e-9));
        Assert.That(s.FloorDb, Is.EqualTo(s.PeakDb - 90).Within(1e-9));
        Assert.That(values.Max(), Is.EqualTo(s.PeakDb));
    }

    [Test]
    public void AxesSpanZeroToNyquistAndFrameCentres()
    {
        var s = Spectrogram.Compute(new float[Rate], Rate, new StftConfig(1024, 256));

        Assert.That(s.BinCount, Is.EqualTo(513));
        Assert.That(s.Frequencies[0], Is.EqualTo(0));
        Assert.That(s.Frequencies[^1], Is.EqualTo(Rate / 2.0));
        Assert.That(s.FrameCount, Is.EqualTo(1 + (Rate - 1024) / 256));
        Assert.That(s.Times[0], Is.EqualTo(512.0 / Rate).Within(1e-12));
        Assert.That(s.Times[1] - s.Times[0], Is.EqualTo(256.0 / Rate).Within(1e-12));
        Assert.That(s.Db.GetLength(0), Is.EqualTo(s.FrameCount));
        Assert.That(s.Db.GetLength(1), Is.EqualTo(s.BinCount));
    }

    [Test]
    public void ChirpPeakRisesMonotonicallyAndTracksItsFrequency()
    {
        int n = 2 * Rate;
        var s = Spectrogram.Compute(Signals.Chirp(n, 200, 6000, Rate), Rate);

        double binWidth = (double)Rate / s.Config.FftSize;
        var peaks = Enumerable.Range(0, s.FrameCount).Select(t => s.Frequencies[s.PeakBin(t)]).ToArray();
        for (int t = 1; t < peaks.Length; t++)
            Assert.That(peaks[t], Is.GreaterThanOrEqualTo(peaks[t - 1]), $"frame {t}");
        for (int t = 0; t < peaks.Length; t++)
            Assert.That(peaks[t], Is.EqualTo(Signals.ChirpFrequency(s.Times[t], n, 200, 6000, Rate)).Within(2 * binWidth), $"frame {t}");
    }

    [Test]
    public void ImpulseAtAWindowCentreHasAFlatSpectrumAtTheWindowGain()
    {
        var config = new StftConfig(1024, 256);
        // Frame 6 starts at 1536, so sample 2048 sits at the window's centre, where the Hann window is 1.
        var s = Spectrogram.Compute(Signals.Impulse(4096, 2048), Rate, config);

        var frame = Enumerable.Range(0, s.BinCount).Select(k => s.Db[6, k]).ToArray();
        Assert.That(frame.Max() - frame.Min(), Is.LessThan(1e-9));
        // A periodic Hann window of length N sums to N / 2, so the gain 2 / Σ w is 4 / N.
        Assert.That(frame[0], Is.EqualTo(20 * Math.Log10(4.0 / 1024)).Within(1e-9));
    }

    [Test]
    public void SilenceGivesFiniteValues()
    {
        var s = Spectrogram.Compute(new float[Rate], Rate);

        Assert.That(s.Db.Cast<double>().All(double.IsFinite), Is.True);
        Assert.That(double.IsFinite(s.PeakDb) && double.IsFinite(s.FloorDb), Is.True);
        Assert.That(s.Db.Cast<double>().Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void EmptyInputGivesOneFiniteFrame()
    {
        var s = Spectrogram.Compute([], Rate);

        Assert.That(s.FrameCount, Is.EqualTo(1));
        Assert.That(s.Db.Cast<double>().All(double.IsFinite), Is.True);
    }

    [Test]
    public void NonFiniteSampleIsRejectedWithItsIndex()
    {
        var x = new float[2000];
        x[1234] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => Spectrogram.Compute(x, Rate));
        Assert.That(error!.Message, Does.Contain("sample 1234 is NaN"));
    }

    [Test]
    public void BadConfigIsRejectedNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Spectrogram.Compute(new float[100], Rate, new StftConfig(1000, 256)));
        Assert.That(error!.Message, Does.Contain("FftSize"));
        error = Assert.Throws<ArgumentException>(() => Spectrogram.Compute(new float[100], Rate, new StftConfig(1024, 0)));
        Assert.That(error!.Message, Does.Contain("HopSize"));
    }
}
