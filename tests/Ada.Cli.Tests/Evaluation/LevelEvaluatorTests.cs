using Ada.Cli.Pipeline;
using Ada.Cli.Pipeline.Evaluation;
using Ada.Data;
using Ada.Models;

namespace Ada.Cli.Tests.Evaluation;

[TestFixture]
public class LevelEvaluatorTests
{
    static readonly ModelConfig Tiny = new(ModelKind.AdaAmae, 1, 256, new DecoderConfig(Layers: 3, DilationCycle: 3, Residual: 8, Gate: 8, Skip: 8),
        new AutoencoderConfig(Hop: 4, Codes: 8, EncoderChannels: 8, CondChannels: 8, DiversityWeight: 0.01));

    static readonly LevelEvalOptions Options = new(DataSplit.Validation, Crops: 4, CropLength: 256, BatchSize: 2, Seed: 3,
        ReconstructCrops: 1, ReconstructLength: 1024);

    /// <summary>A run folder on synthetic sines holding checkpoints of the given steps (written in that order), each from its own torch seed.</summary>
    static string RunFolder(params long[] steps) => RunFolderAt(Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N")), steps);

    /// <summary><see cref="RunFolder"/> in <paramref name="dir"/>.</summary>
    static string RunFolderAt(string dir, params long[] steps)
    {
        var run = new RunConfig("tiny-eval-s1", Tiny, new DataConfig([LevelData.SyntheticSine], "train", 256),
            new TrainingConfig(BatchSize: 2, Steps: 20, LearningRate: 1e-3, Seed: 1, CheckpointDir: dir, Threads: 1));
        foreach (var step in steps)
        {
            TorchSharp.torch.manual_seed(step);
            using var model = LevelModel.Create(Tiny);
            Checkpoint.Write(Trainer.CheckpointPath(dir, step), model, step, run, elapsedSeconds: step * 3);
        }
        return dir;
    }

    [Test]
    public void ARunFolderGivesOneRowPerCheckpointInStepOrder()
    {
        var result = LevelEvaluator.Evaluate(RunFolder(20, 5), Options);
        Assert.That(result.Checkpoints.Select(c => c.Step), Is.EqualTo(new long[] { 5, 20 }));
        Assert.That(result.Checkpoints.Select(c => c.TrainingSeconds), Is.EqualTo(new double[] { 15, 60 }));
        Assert.That(result.Checkpoints[0].Reconstruction, Is.Null, "only the newest checkpoint is reconstructed");
        Assert.That(result.Final.Reconstruction!.SpectralConvergence, Is.GreaterThan(0));
        Assert.That(result.Final.FractionUsed, Is.InRange(1.0 / 8, 1.0));
        Assert.That(result.Name, Is.EqualTo("tiny-eval-s1"));
    }

    [Test]
    public void LastOnlyEvaluatesTheNewestCheckpoint()
    {
        var result = LevelEvaluator.Evaluate(RunFolder(5, 20), Options with { EveryCheckpoint = false, ReconstructCrops = 0 });
        Assert.That(result.Checkpoints.Select(c => c.Step), Is.EqualTo(new long[] { 20 }));
    }

    [Test]
    public void HeldOutNllIsFiniteAndDeterministicForASeed()
    {
        var run = RunFolder(7);
        var options = Options with { ReconstructCrops = 0 };
        var first = LevelEvaluator.Evaluate(run, options).Final;
        var again = LevelEvaluator.Evaluate(run, options).Final;
        var otherCrops = LevelEvaluator.Evaluate(run, options with { Seed = 4 }).Final;
        Assert.That(double.IsFinite(first.NllBits), Is.True);
        // an untrained model is close to uniform over 256 classes
        Assert.That(first.NllBits, Is.InRange(6.0, 10.0));
        Assert.That(again.NllBits, Is.EqualTo(first.NllBits));
        Assert.That(again.PerplexityRatio, Is.EqualTo(first.PerplexityRatio));
        Assert.That(otherCrops.NllBits, Is.Not.EqualTo(first.NllBits), "another seed draws other crops");
    }

    [Test]
    [NonParallelizable]   // sets ADA_CACHE for the process
    public void AResultRecordsItsRunAndTrainLogRelativeToTheCache()
    {
        var cache = Directory.CreateTempSubdirectory("ada-eval-cache").FullName;
        using var _ = new EnvironmentVariable("ADA_CACHE", cache);
        var run = RunFolderAt(Path.Combine(cache, "runs", "eval", "tiny-eval-s1"), 5);
        File.WriteAllText(Path.Combine(run, "train.csv"), "step,usage_perplexity_ratio\n5,0.5\n");
        var file = Path.Combine(cache, "tiny-eval-s1.json");
        EvalFiles.Write(file, LevelEvaluator.Evaluate(run, Options with { EveryCheckpoint = false, ReconstructCrops = 0 }));

        var written = EvalFiles.Read<LevelEvaluation>(file);
        Assert.That((written.Source, written.TrainLog), Is.EqualTo(("runs/eval/tiny-eval-s1", "runs/eval/tiny-eval-s1/train.csv")));
        Assert.That(File.ReadAllText(file), Does.Not.Contain(cache).And.Not.Contain("\": \"/"), "no absolute path is recorded");
        Assert.That(ResultPaths.Resolve(written.TrainLog!), Is.EqualTo(Path.Combine(run, "train.csv")));
    }

    [Test]
    public void AnEmptyRunFolderIsAnErrorNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("ada-eval-empty").FullName;
        Assert.That(() => LevelEvaluator.Evaluate(dir, Options), Throws.TypeOf<FileNotFoundException>().With.Message.Contains(dir));
    }

    [Test]
    public void CropsThatAreNotAMultipleOfTheBatchAreRejected() =>
        Assert.That(() => LevelEvaluator.Evaluate(RunFolder(1), Options with { Crops = 3 }),
            Throws.ArgumentException.With.Message.Contains("--crops"));
}
