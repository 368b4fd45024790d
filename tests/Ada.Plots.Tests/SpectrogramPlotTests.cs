using Ada.Audio;

namespace Ada.Plots.Tests;

public class SpectrogramPlotTests
{
    const int Rate = 16000;

    [Test]
    public void WritesAPngOfTheRequestedSizeAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        var png = dir.File("sine.png");

        var s = SpectrogramPlot.Save(Signals.Sine(Rate, 1000, Rate, 0.5), Rate, png, new SpectrogramPlotOptions(640, 480, "sine"));

        Assert.That(Png.Size(png), Is.EqualTo((640, 480)));
        Assert.That(dir.FileNames(), Is.EqualTo(new[] { "sine.png" }));
        Assert.That(s.Frequencies[s.PeakBin(s.FrameCount / 2)], Is.EqualTo(1000).Within(16));
    }

    [Test]
    public void SpectrogramPanelIsDrawnInColour()
    {
        using var dir = new TempDirectory();
        var png = dir.File("chirp.png");

        SpectrogramPlot.Save(Signals.Chirp(Rate, 200, 6000, Rate), Rate, png, new SpectrogramPlotOptions(640, 480));

        // Axes and text alone use a handful of greys (plus anti-aliasing); the magma heatmap and colour bar add many more.
        Assert.That(Png.DistinctColours(png, top: 0.4, bottom: 0.9), Is.GreaterThan(200));
    }

    [Test]
    public void PlotsAStereoWavFileAsMono()
    {
        using var dir = new TempDirectory();
        var wav = dir.File("tone.wav");
        // Left 2 kHz, right silent: the downmix still peaks at 2 kHz, 6 dB lower.
        var left = Signals.Sine(Rate / 2, 2000, Rate, 0.5);
        var stereo = left.SelectMany(v => new[] { v, 0f }).ToArray();
        AudioFile.WriteWav(wav, new AudioBuffer(stereo, Rate, 2), WavEncoding.Float32);

        var s = SpectrogramPlot.SaveFromFile(wav, dir.File("tone.png"), new SpectrogramPlotOptions(400, 300));

        Assert.That(Png.Size(dir.File("tone.png")), Is.EqualTo((400, 300)));
        Assert.That(s.Frequencies[s.PeakBin(0)], Is.EqualTo(2000).Within(Rate / (double)s.Config.FftSize));
        Assert.That(s.PeakDb, Is.EqualTo(20 * Math.Log10(0.25)).Within(0.1));
    }

    [Test]
    public void MissingAudioFileIsReportedByPath()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("nope.wav");

        var error = Assert.Throws<FileNotFoundException>(() => SpectrogramPlot.SaveFromFile(missing, dir.File("x.png")));
        Assert.That(error!.Message, Does.Contain(missing));
        Assert.That(dir.FileNames(), Is.Empty);
    }

    [Test]
    public void SilenceStillPlots()
    {
        using var dir = new TempDirectory();
        var png = dir.File("silence.png");

        var s = SpectrogramPlot.Save(new float[Rate], Rate, png, new SpectrogramPlotOptions(320, 240));

        Assert.That(Png.Size(png), Is.EqualTo((320, 240)));
        Assert.That(s.Db.Cast<double>().All(double.IsFinite), Is.True);
    }

    [Test]
    public void TooSmallImageIsRejectedNamingTheDimension()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SpectrogramPlot.Save(new float[100], Rate, dir.File("x.png"), new SpectrogramPlotOptions(Width: 10)));
        Assert.That(error!.ParamName, Is.EqualTo("width"));
    }
}
