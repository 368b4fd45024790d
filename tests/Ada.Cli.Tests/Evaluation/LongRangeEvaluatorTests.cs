using Ada.Cli.Pipeline.Evaluation;

namespace Ada.Cli.Tests.Evaluation;

[TestFixture]
public class LongRangeEvaluatorTests
{
    [Test]
    public void ATinyModelGivesStatsPerClipASpectrogramAndAnExcerpt()
    {
        var model = Path.Combine(Path.GetDirectoryName(TinyBundle.Create())!, "model.json");
        var media = Directory.CreateTempSubdirectory("ada-eval-longrange").FullName;
        var options = new LongRangeOptions(Seconds: 0.6, SegmentSeconds: 0.25, Samples: 2, Seed: 2, MediaDir: media, AudioSeconds: 0.5);
        var result = LongRangeEvaluator.Evaluate([model], null, options);

        var source = result.Sources.Single();
        Assert.That(source.Name, Is.EqualTo("tiny"));
        Assert.That(source.Clips.Select(c => c.Label), Is.EqualTo(new[] { "tiny variation 0", "tiny variation 1" }));
        Assert.That(source.Clips.All(c => c.ChromaCorrelation is >= -1 and <= 1 && double.IsFinite(c.LoudnessFirstDb)), Is.True);
        Assert.That(source.RealTimeFactor, Is.GreaterThan(0));
        Assert.That(source.Levels.Select(l => l.Level), Is.EqualTo(new[] { 3, 2, 1 }), "training budget per level, top first");
        Assert.That(File.Exists(source.Spectrogram), Is.True);
        Assert.That(Ada.Audio.AudioFile.ReadInfo(source.Audio!).SampleRate, Is.EqualTo(16000));
    }

    [Test]
    public void SegmentsLongerThanHalfTheClipAreRejected() =>
        Assert.That(() => LongRangeEvaluator.Evaluate([], "data/piano", new LongRangeOptions(Seconds: 8, SegmentSeconds: 5)),
            Throws.ArgumentException.With.Message.Contains("--seconds"));
}
