namespace Ada.Plots.Tests;

public class CurvePlotTests
{
    const string Log = """
        step,loss,usage
        0,2.5,
        100,1.5,0.25
        200,1.0,0.5
        300,NaN,0.75

        """;

    [Test]
    public void ComparesOneColumnAcrossSeveralRuns()
    {
        using var dir = new TempDirectory();
        var runs = Enumerable.Range(0, 3).Select(i => dir.WriteText($"seed{i}.csv", Log)).ToArray();
        var png = dir.File("usage.png");

        var series = CurvePlot.FromCsv(runs.Select((p, i) => ($"AMAE seed {i}", p, "usage")), "codebook usage", "fraction used", png,
            new CurvePlotOptions(800, 500));

        Assert.That(Png.Size(png), Is.EqualTo((800, 500)));
        Assert.That(series.Select(s => s.Label), Is.EqualTo(new[] { "AMAE seed 0", "AMAE seed 1", "AMAE seed 2" }));
        // The empty cell at step 0 is a value not logged, not a zero.
        Assert.That(series[0].Steps, Is.EqualTo(new[] { 100.0, 200, 300 }));
        Assert.That(series[0].Values, Is.EqualTo(new[] { 0.25, 0.5, 0.75 }));
    }

    [Test]
    public void PlotsSeveralColumnsOfOneLogSkippingNaN()
    {
        using var dir = new TempDirectory();
        var csv = dir.WriteText("train.csv", Log);

        var series = CurvePlot.FromCsv(csv, ["loss", "usage"], "training", "value", dir.File("train.png"),
            new CurvePlotOptions(LogY: true));

        Assert.That(Png.Size(dir.File("train.png")), Is.EqualTo((1000, 600)));
        Assert.That(series[0].Label, Is.EqualTo("loss"));
        Assert.That(series[0].Values, Is.EqualTo(new[] { 2.5, 1.5, 1.0 }));
    }

    [Test]
    public void FromSeriesDrawsInMemoryArraysWithNonPositiveValuesOnALogAxis()
    {
        using var dir = new TempDirectory();
        var png = dir.File("s.png");
        CurveSeries[] series = [new("a", [0, 1, 2], [0, 1, 10]), new("b", [0, 1, 2], [-1, 2, 3])];

        CurvePlot.FromSeries(series, "t", "y", png, new CurvePlotOptions(300, 200, LogY: true));

        Assert.That(Png.Size(png), Is.EqualTo((300, 200)));
        Assert.That(Png.DistinctColours(png), Is.GreaterThan(2));
    }

    [Test]
    public void TitleIsDrawnAsText()
    {
        using var dir = new TempDirectory();
        var png = dir.File("t.png");

        CurvePlot.FromSeries([new CurveSeries("a", [0, 1], [0, 1])], "A TITLE IN CAPITALS", "y", png, new CurvePlotOptions(600, 400));

        // The band above the data area holds only the title, so dark pixels there are glyphs.
        Assert.That(Png.DarkPixels(png, top: 0, bottom: 0.06), Is.GreaterThan(100),
            "no title text drawn: Skia found no font; install one (Debian: apt-get install fonts-dejavu-core)");
    }

    [Test]
    public void MissingColumnIsNamedWithTheFileAndTheColumnsThatExist()
    {
        using var dir = new TempDirectory();
        var csv = dir.WriteText("train.csv", Log);

        var error = Assert.Throws<ArgumentException>(() => CurvePlot.FromCsv(csv, ["perplexity"], "t", "y", dir.File("x.png")));

        Assert.That(error!.Message, Does.Contain(csv).And.Contain("'perplexity'").And.Contain("step, loss, usage"));
        Assert.That(File.Exists(dir.File("x.png")), Is.False);
    }

    [Test]
    public void MissingFileIsNamed()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("absent.csv");

        var error = Assert.Throws<FileNotFoundException>(() => CurvePlot.FromCsv(missing, ["loss"], "t", "y", dir.File("x.png")));

        Assert.That(error!.Message, Does.Contain(missing));
    }

    [Test]
    public void FirstColumnMustBeStep()
    {
        using var dir = new TempDirectory();
        var csv = dir.WriteText("bad.csv", "epoch,loss\n0,1\n");

        var error = Assert.Throws<FormatException>(() => CurvePlot.FromCsv(csv, ["loss"], "t", "y", dir.File("x.png")));

        Assert.That(error!.Message, Does.Contain(csv).And.Contain("'step'").And.Contain("'epoch'"));
    }

    [Test]
    public void NonNumericCellIsReportedWithLineAndColumn()
    {
        using var dir = new TempDirectory();
        var csv = dir.WriteText("bad.csv", "step,loss\n0,1\n1,oops\n");

        var error = Assert.Throws<FormatException>(() => CurvePlot.FromCsv(csv, ["loss"], "t", "y", dir.File("x.png")));

        Assert.That(error!.Message, Does.Contain($"{csv}:3").And.Contain("'loss'").And.Contain("'oops'"));
    }

    [Test]
    public void SeriesWithMismatchedLengthsIsNamed()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() =>
            CurvePlot.FromSeries([new CurveSeries("vq seed 1", [0, 1], [1])], "t", "y", dir.File("x.png")));

        Assert.That(error!.Message, Does.Contain("vq seed 1"));
    }
}
