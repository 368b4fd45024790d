namespace Ada.Models.Tests;

public class HierarchyTests
{
    // level 1: audio → 8 codes every 2 samples; level 2: those codes → 4 codes every 2; prior over the 4 codes
    static Hierarchy Build(int seed = 1) => new(
        Tiny.Build<PlainWaveNet>(Tiny.WaveNet(level: 3, classes: 4), seed),
        [Tiny.Build<AdaLevel>(Tiny.Amae(hop: 2, codes: 8), seed), Tiny.Build<AdaLevel>(Tiny.Amae(level: 2, classes: 8, hop: 2, codes: 4), seed)]);

    [Test]
    public void SamplingTopDownProducesEachLevelsLengthAndRange()
    {
        using var hierarchy = Build();
        Assert.That(hierarchy.SamplesPerTopCode, Is.EqualTo(4));
        var sample = hierarchy.Sample(5, new SamplingOptions(7), batch: 2);
        Assert.That(sample.Codes[1].shape, Is.EqualTo(new long[] { 2, 5 }), "prior: F2 top codes");
        Assert.That(sample.Codes[0].shape, Is.EqualTo(new long[] { 2, 10 }), "level 2 decoder: F2·h2 level-1 codes");
        Assert.That(sample.Audio.shape, Is.EqualTo(new long[] { 2, 20 }), "level 1 decoder: F2·h2·h1 samples");
        Assert.That(Tiny.Longs(sample.Codes[1]), Is.All.InRange(0L, 3L));
        Assert.That(Tiny.Longs(sample.Codes[0]), Is.All.InRange(0L, 7L));
        Assert.That(Tiny.Longs(sample.Audio), Is.All.InRange(0L, 255L));
        Assert.That(Tiny.Floats(sample.Waveform()), Is.All.InRange(-1f, 1f));
    }

    [Test]
    public void SameSeedSamplesTheSameAndAnotherSeedDiffers()
    {
        using var hierarchy = Build();
        var a = hierarchy.Sample(4, new SamplingOptions(3));
        var b = hierarchy.Sample(4, new SamplingOptions(3));
        var c = hierarchy.Sample(4, new SamplingOptions(4));
        Assert.That(Tiny.Longs(b.Audio), Is.EqualTo(Tiny.Longs(a.Audio)));
        Assert.That(Tiny.Longs(b.Codes[1]), Is.EqualTo(Tiny.Longs(a.Codes[1])));
        Assert.That(Tiny.Longs(c.Audio), Is.Not.EqualTo(Tiny.Longs(a.Audio)));
    }

    [Test]
    public void GreedyDecodingFollowsTheTeacherForcedArgmax()
    {
        using var level = Tiny.Build<AdaLevel>(Tiny.Amae(hop: 2, codes: 8));
        var codes = TorchSharp.torch.tensor(new long[] { 3, 1, 6, 0 }).reshape(1, 4);
        var sampled = level.Decode(codes, new SamplingOptions(1, Temperature: 0));
        // with temperature 0 each sample is the argmax of the logits given the samples before it
        var argmax = level.Logits(sampled, codes).argmax(1);
        Assert.That(Tiny.Longs(sampled), Is.EqualTo(Tiny.Longs(argmax)));
    }

    [Test]
    public void MismatchedLevelsAreRefusedWithTheReason()
    {
        var prior = Tiny.Build<PlainWaveNet>(Tiny.WaveNet(level: 3, classes: 5));
        var levels = new[] { Tiny.Build<AdaLevel>(Tiny.Amae(hop: 2, codes: 8)), Tiny.Build<AdaLevel>(Tiny.Amae(level: 2, classes: 8, hop: 2, codes: 4)) };
        Assert.That(() => new Hierarchy(prior, levels), Throws.ArgumentException.With.Message.Contains("must be level 3 over 4 classes"));
        var wrongClasses = Tiny.Build<AdaLevel>(Tiny.Amae(level: 2, classes: 16, hop: 2, codes: 4));
        Assert.That(() => new Hierarchy(Tiny.Build<PlainWaveNet>(Tiny.WaveNet(level: 3, classes: 4)), [levels[0], wrongClasses]),
            Throws.ArgumentException.With.Message.Contains("level 2 models 16 classes but level 1 has 8 codes"));
    }

    [Test]
    public void LoadsFromCheckpointsAndRefusesAPriorInTheLevelList()
    {
        var dir = Tiny.TempDir();
        try
        {
            using var built = Build();
            string Save(LevelModel m, string name) { var p = Path.Combine(dir, name); Checkpoint.Write(p, m, 1); return p; }
            var prior = Save(built.Prior, "prior.adackpt");
            var l1 = Save(built.Levels[0], "l1.adackpt");
            var l2 = Save(built.Levels[1], "l2.adackpt");
            using var loaded = Hierarchy.Load(prior, [l1, l2]);
            var options = new SamplingOptions(9);
            Assert.That(Tiny.Longs(loaded.Sample(3, options).Audio), Is.EqualTo(Tiny.Longs(built.Sample(3, options).Audio)));
            Assert.That(() => Hierarchy.Load(prior, [prior]), Throws.TypeOf<CheckpointException>().With.Message.Contains("an ADA level is expected"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
