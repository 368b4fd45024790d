using Ada.Cli.Pipeline.Evaluation;

namespace Ada.Cli.Tests.Evaluation;

[TestFixture]
public class SignalMeasureTests
{
    const int Rate = 16000;

    static float[] Sine(double hz, double amplitude, int samples) =>
        Enumerable.Range(0, samples).Select(t => (float)(amplitude * Math.Sin(2 * Math.PI * hz * t / Rate))).ToArray();

    [Test]
    public void ChromaOfAnA4SinePutsItsMassInTheABin()
    {
        var chroma = Chroma.Of(Sine(440, 0.5, Rate), Rate);
        Assert.That(Chroma.Names[9], Is.EqualTo("A"));
        Assert.That(chroma[9], Is.GreaterThan(0.9));
        Assert.That(chroma.Sum(), Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void ChromaOfAMajorTriadPeaksOnItsThreeNotes()
    {
        // C4, E4, G4 (MIDI 60, 64, 67)
        var notes = new[] { 60, 64, 67 }.Select(n => Sine(440 * Math.Pow(2, (n - 69) / 12.0), 0.2, Rate)).ToList();
        var chord = Enumerable.Range(0, Rate).Select(t => notes.Sum(n => n[t])).ToArray();
        var top = Chroma.Of(chord, Rate).Select((p, i) => (p, i)).OrderByDescending(x => x.p).Take(3).Select(x => x.i).Order();
        Assert.That(top, Is.EqualTo(new[] { 0, 4, 7 }));
    }

    [Test]
    public void ChromaOfWhiteNoiseIsNearlyFlat()
    {
        var random = new Random(3);
        var noise = Enumerable.Range(0, 5 * Rate).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        Assert.That(Chroma.EntropyBits(Chroma.Of(noise, Rate)), Is.GreaterThan(Math.Log2(12) - 0.01));
    }

    [Test]
    public void ChromaCorrelationIsOneForTheSamePitchAndLowForAnotherPitch()
    {
        var a = Chroma.Of(Sine(440, 0.5, Rate), Rate);
        Assert.That(Chroma.Correlation(a, Chroma.Of(Sine(880, 0.3, Rate), Rate)), Is.GreaterThan(0.99), "an octave up is the same pitch class");
        Assert.That(Chroma.Correlation(a, Chroma.Of(Sine(440 * Math.Pow(2, 6 / 12.0), 0.5, Rate), Rate)), Is.LessThan(0));
    }

    [TestCase(0.5)]
    [TestCase(0.05)]
    public void LoudnessOfASineIsItsRmsInDb(double amplitude)
    {
        var expected = 20 * Math.Log10(amplitude / Math.Sqrt(2));
        Assert.That(Loudness.RmsDb(Sine(1000, amplitude, Rate)), Is.EqualTo(expected).Within(0.1));
    }

    [Test]
    public void LoudnessOfSilenceIsTheFloor() =>
        Assert.That(Loudness.RmsDb(new float[100]), Is.EqualTo(Loudness.FloorDb));

    [Test]
    public void ClipStatsCompareTheFirstAndLastSegments()
    {
        // 1 s of A4 at 0.5, 1 s of silence, 1 s of A4 at 0.05: same pitch class, 20 dB quieter at the end
        var clip = Sine(440, 0.5, Rate).Concat(new float[Rate]).Concat(Sine(440, 0.05, Rate)).ToArray();
        var stats = ClipStats.Of("test", clip, Rate, 1);
        Assert.That(stats.ChromaCorrelation, Is.GreaterThan(0.99));
        Assert.That(stats.LoudnessChangeDb, Is.EqualTo(-20).Within(0.1));
    }

    [Test]
    public void ClipStatsRejectAClipTooShortForTwoSegments() =>
        Assert.That(() => ClipStats.Of("short clip", new float[Rate], Rate, 1),
            Throws.ArgumentException.With.Message.Contains("short clip"));
}
