using TorchSharp;

namespace Ada.Models.Tests;

public class TrainerTests
{
    string dir = "";

    [SetUp]
    public void MakeDir() => dir = Tiny.TempDir();

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    static IReadOnlyList<NamedWeight> Train(RunConfig config)
    {
        using var trainer = new Trainer(config, new SineBatchSource(config.Training.BatchSize, config.Data.CropLength, 11));
        trainer.Run();
        return trainer.Model.NamedWeights();
    }

    static void AssertIdentical(IReadOnlyList<NamedWeight> a, IReadOnlyList<NamedWeight> b)
    {
        Assert.That(b.Select(w => w.Name), Is.EqualTo(a.Select(w => w.Name)));
        for (var i = 0; i < a.Count; i++) Assert.That(b[i].Values, Is.EqualTo(a[i].Values), a[i].Name);
    }

    [Test]
    public void SameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot()
    {
        var a = Train(Tiny.Run(Tiny.Amae(), Path.Combine(dir, "a"), 4));
        var b = Train(Tiny.Run(Tiny.Amae(), Path.Combine(dir, "b"), 4));
        AssertIdentical(a, b);
        var other = Tiny.Run(Tiny.Amae(), Path.Combine(dir, "c"), 4);
        var c = Train(other with { Training = other.Training with { Seed = 8 } });
        Assert.That(c[0].Values, Is.Not.EqualTo(a[0].Values));
    }

    [TestCase(ModelKind.AdaAmae)]
    [TestCase(ModelKind.AdaVq)]
    public void ResumingFromACheckpointEqualsAnUninterruptedRun(string kind)
    {
        var model = kind == ModelKind.AdaAmae ? Tiny.Amae() : Tiny.Vq();
        var whole = Train(Tiny.Run(model, Path.Combine(dir, "whole"), 6));

        var split = Path.Combine(dir, "split");
        Train(Tiny.Run(model, split, 3));
        using var resumed = new Trainer(Tiny.Run(model, split, 6), new SineBatchSource(2, 64, 11));
        Assert.That(resumed.ResumedFrom, Is.EqualTo(Trainer.CheckpointPath(split, 3)));
        Assert.That(resumed.Step, Is.EqualTo(3));
        var summary = resumed.Run();
        AssertIdentical(whole, resumed.Model.NamedWeights());

        Assert.That(summary.Step, Is.EqualTo(6));
        Assert.That(summary.Completed);
        Assert.That(summary.ContentHash, Is.EqualTo(Checkpoint.Read(Trainer.CheckpointPath(split, 6)).ContentHash));
        var rows = File.ReadAllLines(Path.Combine(split, "train.csv"));
        Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(new[] { "1", "2", "3", "4", "5", "6" }));
        Assert.That(File.ReadAllText(Path.Combine(split, "summary.json")), Does.Contain("\"step\": 6"));
    }

    [Test]
    public void MetricsReportLossTermsUsageAndThroughputEveryStep()
    {
        var config = Tiny.Run(Tiny.Amae(), dir, 3);
        using var trainer = new Trainer(config, new SineBatchSource(2, 64, 11));
        var seen = new List<TrainMetrics>();
        trainer.Run(seen.Add);
        Assert.That(seen.Select(m => m.Step), Is.EqualTo(new long[] { 1, 2, 3 }));
        var last = seen[^1];
        Assert.That(last.Terms.Keys, Is.EquivalentTo(new[] { "nll", "diversity" }));
        Assert.That(last.Loss, Is.EqualTo(last.NllBits + 0.01 * last.Terms["diversity"]).Within(1e-4));
        Assert.That(last.NllBits, Is.InRange(0.0, 16.0));
        Assert.That(last.Usage!.Counts.Sum(), Is.EqualTo(2 * 64 / 4), "one code per hop per example");
        Assert.That(last.SamplesPerSecond, Is.GreaterThan(0));
        var header = File.ReadLines(Path.Combine(dir, "train.csv")).First();
        Assert.That(header, Is.EqualTo("step,loss,nll_bits,diversity,grad_norm,usage_perplexity_ratio,fraction_used,samples_per_s,elapsed_s"));
    }

    [Test]
    public void BatchSourceOfTheWrongClassesOrShapeIsRefused()
    {
        var config = Tiny.Run(Tiny.Amae(), dir, 3);
        Assert.That(() => new Trainer(config, new FixedBatchSource(Tiny.RandomClasses(2, 64), classes: 16)),
            Throws.ArgumentException.With.Message.Contains("model.classes is 256 but the batch source yields 16"));
        using var trainer = new Trainer(config, new FixedBatchSource(Tiny.RandomClasses(2, 32)));
        Assert.That(() => trainer.TrainStep(), Throws.InvalidOperationException.With.Message.Contains("[2, 32], config expects [2, 64]"));
    }

    [Test]
    public void CodeBatchSourceYieldsTheLowerLevelsCodes()
    {
        using var lower = Tiny.Build<AdaLevel>(Tiny.Amae());
        var audio = new SineBatchSource(2, 64, 3);
        var codes = new CodeBatchSource(audio, lower);
        Assert.That(codes.Classes, Is.EqualTo(8));
        Assert.That(CodeBatchSource.RequiredLength(16, lower), Is.EqualTo(64));
        Assert.That(Tiny.Longs(codes.Batch(5)), Is.EqualTo(Tiny.Longs(lower.Encode(audio.Batch(5)))));
        Assert.That(codes.Batch(5).shape, Is.EqualTo(new long[] { 2, 16 }));
    }

    static RunConfig WithHeldOut(RunConfig run, int interval, int batches = 2) =>
        run with { Data = run.Data with { HoldoutSplit = "validation" }, Training = run.Training with { EvalInterval = interval, EvalBatches = batches } };

    [Test]
    public void HeldOutNllIsLoggedEveryIntervalFromTheSameBatchesAndLeavesTrainingUnchanged()
    {
        var plain = Train(Tiny.Run(Tiny.Amae(), Path.Combine(dir, "plain"), 4));

        var config = WithHeldOut(Tiny.Run(Tiny.Amae(), Path.Combine(dir, "eval"), 4), interval: 2);
        var holdout = new SineBatchSource(2, 64, 99);
        using var trainer = new Trainer(config, new SineBatchSource(2, 64, 11), holdout);
        var seen = new List<TrainMetrics>();
        var summary = trainer.Run(seen.Add);

        AssertIdentical(plain, trainer.Model.NamedWeights());
        Assert.That(seen.Where(m => m.HeldOutNllBits != null).Select(m => m.Step), Is.EqualTo(new long[] { 2, 4 }));
        var rows = File.ReadAllLines(Path.Combine(config.Training.CheckpointDir, "heldout.csv"));
        Assert.That(rows[0], Is.EqualTo("step,nll_bits,elapsed_s"));
        Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(new[] { "2", "4" }));

        // the step-4 value is the mean NLL of held-out batches 0 and 1 under the final weights
        double expected;
        using (torch.no_grad())
            expected = Enumerable.Range(0, 2).Average(i => (double)trainer.Model.Loss(holdout.Batch(i)).Terms["nll"].item<float>());
        Assert.That(trainer.HeldOutNll(), Is.EqualTo(expected).Within(1e-6));
        Assert.That(seen[^1].HeldOutNllBits, Is.EqualTo(expected).Within(1e-6));
        Assert.That(double.Parse(rows[2].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected).Within(1e-4));
        Assert.That(summary.LastHeldOut, Is.EqualTo(new HeldOutPoint(4, seen[^1].HeldOutNllBits!.Value)));
        Assert.That(seen[0].HeldOutNllBits, Is.Not.EqualTo(seen[^1].HeldOutNllBits), "the weights changed between evaluations");
    }

    [Test]
    public void ResumingKeepsTheHeldOutRowsUpToTheCheckpoint()
    {
        var run = WithHeldOut(Tiny.Run(Tiny.Amae(), dir, 3), interval: 2);
        using (var first = new Trainer(run, new SineBatchSource(2, 64, 11), new SineBatchSource(2, 64, 99))) first.Run();
        File.AppendAllText(Path.Combine(dir, "heldout.csv"), "5,1.0,1.0\n");   // a row from beyond the checkpoint, as after a crash
        using var resumed = new Trainer(run with { Training = run.Training with { Steps = 6 } }, new SineBatchSource(2, 64, 11), new SineBatchSource(2, 64, 99));
        resumed.Run();
        var steps = File.ReadAllLines(Path.Combine(dir, "heldout.csv")).Skip(1).Select(r => r.Split(',')[0]);
        Assert.That(steps, Is.EqualTo(new[] { "2", "4", "6" }));
    }

    [Test]
    public void HeldOutEvaluationNeedsAHoldoutSplitAndASource()
    {
        var run = Tiny.Run(Tiny.Amae(), dir, 2);
        var noSplit = run with { Training = run.Training with { EvalInterval = 2 } };
        Assert.That(() => noSplit.Validate(), Throws.TypeOf<ConfigException>().With.Message.Contains("training.evalInterval needs data.holdoutSplit"));
        Assert.That(() => new Trainer(WithHeldOut(run, 2), new SineBatchSource(2, 64, 11)),
            Throws.ArgumentException.With.Message.Contains("no held-out batch source"));
        using var trainer = new Trainer(run, new SineBatchSource(2, 64, 11));
        Assert.That(() => trainer.HeldOutNll(), Throws.InvalidOperationException.With.Message.Contains("data.holdoutSplit"));
    }
}
