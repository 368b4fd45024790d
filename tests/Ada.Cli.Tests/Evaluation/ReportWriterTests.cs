using Ada.Cli.Pipeline.Evaluation;
using Ada.Models;

namespace Ada.Cli.Tests.Evaluation;

[TestFixture]
public class ReportWriterTests
{
    static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "Ada.Cli.Tests", "Evaluation", "Fixtures", "results");

    static (string Markdown, string Media) WriteReport()
    {
        var dir = Directory.CreateTempSubdirectory("ada-eval-report").FullName;
        var markdown = Path.Combine(dir, "EVALUATION.md");
        var media = Path.Combine(dir, "evaluation");
        ReportWriter.Write(ReportInputs.Load(Fixtures, null, "ada eval report --results fixtures"), markdown, media);
        return (File.ReadAllText(markdown), media);
    }

    [Test]
    public void StabilityTablesListEverySeedAndCheckTheUsageTarget()
    {
        var (md, _) = WriteReport();
        Assert.That(md, Does.Contain("| amae-h8-s1 | AMAE, w = 0.01 | 1 | 4,000 | 10.0 min | 4.500 | 85.0 % | 100 % | yes |"));
        Assert.That(md, Does.Contain("| amae-h8-s2 | AMAE, w = 0.01 | 2 | 4,000 | 11.0 min | 4.600 | 75.0 % | 100 % | no |"));
        Assert.That(md, Does.Contain("| vq-h8-s1 | VQ-VAE, β = 0.25 | 1 | 4,000 | 11.7 min | 4.800 | 30.0 % | 50 % | no |"));
        // mean ± sample sd of 4.5 and 4.6, and of 85 % and 75 %
        Assert.That(md, Does.Contain("| amae-h8 | AMAE, w = 0.01 | 2 | 4.550 ± 0.071 | 80.0 % ± 7.1 % | 75.0 % | 100 % ± 0 % | 1 of 2 |"));
        Assert.That(md, Does.Contain("**not met** (1 of 2 seeds)"));
    }

    [Test]
    public void HopTableHasOneRowPerHopPlusTheNoCodesBaseline()
    {
        var (md, _) = WriteReport();
        Assert.That(md, Does.Contain("| 8 | 2,000 | 12.0 kbit/s | amae-h8-s1, amae-h8-s2 | 4,000 | 10.5 ± 0.7 min | 4.550 ± 0.071 | 4.850 ± 0.071 |"));
        Assert.That(md, Does.Contain("| 16 | 1,000 | 6.0 kbit/s | amae-h16-s1 | 4,000 | 10.0 min | 4.900 | 5.200 | 70 % | 90 % | 0.90 / 1.50 |"));
        Assert.That(md, Does.Contain("| no codes | 0 | 0 | wavenet-s1 | 3,241 of 100,000 | 8.0 min | 5.000 | 5.300 |"));
        Assert.That(md, Does.Contain("NLL at step 2,000"), "runs are also compared at the last step they all have a checkpoint for");
        Assert.That(md, Does.Not.Contain("| 8 | 2,000 | 12.0 kbit/s | vq"), "the VQ family is not part of the AMAE hop sweep");
    }

    [Test]
    public void LongRangeSpeedSetupAndOtherCheckpointsAreReported()
    {
        var (md, _) = WriteReport();
        Assert.That(md, Does.Contain("| default-piano | 1 level: L1 1,163 steps / 30 min | 2 | 0.40 ± 0.14 | 0.20 | +0.20 | 3.50 / 3.40 | -30.0 / -29.5 | 1.5 dB |"));
        Assert.That(md, Does.Contain("| real test pieces | – | 2 | 0.80 ± 0.14 | 0.10 | +0.70 |"));
        Assert.That(md, Does.Contain("| default-piano | sampling, full model | fast C# sampler (`ada render` path), one stream, one core | 72,000 samples/s | 4.50× |"));
        Assert.That(md, Does.Contain("| default-piano-l1 | ada-amae | 1 | 8 | 1,163 of 100,000 | 30.0 min | 4.400 | 21 % | 56 % | – |"));
        Assert.That(md, Does.Contain("Test CPU, 2 logical CPUs"));
        Assert.That(md, Does.Contain("training split 5.03 h"));
        Assert.That(md, Does.Contain("ada eval longrange --model models/default-piano --real data/piano"), "the reproduce section lists the commands");
    }

    [Test]
    public void FiguresAreWrittenSmallAndLinkedRelativeToTheReport()
    {
        var (md, media) = WriteReport();
        foreach (var figure in new[] { "stability-perplexity.png", "stability-fraction.png", "stability-nll.png", "hop-nll.png", "hop-stft.png" })
        {
            var file = new FileInfo(Path.Combine(media, figure));
            Assert.That(file.Exists, Is.True, figure);
            Assert.That(file.Length, Is.LessThan(150 * 1024), figure);
            Assert.That(md, Does.Contain($"](evaluation/{figure})"));
        }
    }

    [Test]
    public void ReconstructionAudioIsLinkedAndDrawnAsOneSpectrogram()
    {
        var (dir, results) = CopyOfFixtures();
        var (original, reconstruction) = (Path.Combine(dir, "audio", "original.wav"), Path.Combine(dir, "audio", "h8.wav"));
        Directory.CreateDirectory(Path.GetDirectoryName(original)!);
        foreach (var wav in new[] { original, reconstruction })
            Ada.Audio.AudioFile.WriteWav(wav, new Ada.Audio.AudioBuffer(Enumerable.Range(0, 8000).Select(t => (float)Math.Sin(t * 0.2)).ToArray(), 16000, 1));
        var run = EvalFiles.Read<LevelEvaluation>(Path.Combine(results, "amae-h8-s1.json"));
        var recon = run.Final.Reconstruction! with { OriginalAudio = original, ReconstructedAudio = reconstruction };
        EvalFiles.Write(Path.Combine(results, "amae-h8-s1.json"), run with { Checkpoints = [.. run.Checkpoints.SkipLast(1), run.Final with { Reconstruction = recon }] });

        var markdown = Path.Combine(dir, "EVALUATION.md");
        ReportWriter.Write(ReportInputs.Load(results, null, null), markdown, Path.Combine(dir, "media"));
        var md = File.ReadAllText(markdown);
        Assert.That(md, Does.Contain("- [hop 8](audio/h8.wav)"));
        Assert.That(md, Does.Contain("- [original](audio/original.wav)"));
        Assert.That(File.Exists(Path.Combine(dir, "media", "hop-reconstructions.png")), Is.True);
        Assert.That(md, Does.Contain("](media/hop-reconstructions.png)"));
    }

    [Test]
    public void RunsStoppedAtDifferentStepsAreAlsoComparedAtTheirLastCommonStep()
    {
        var (dir, results) = CopyOfFixtures();
        var path = Path.Combine(results, "amae-h8-s2.json");
        var run = EvalFiles.Read<LevelEvaluation>(path);
        EvalFiles.Write(path, run with { Checkpoints = [run.Checkpoints[0]] });

        var markdown = Path.Combine(dir, "EVALUATION.md");
        ReportWriter.Write(ReportInputs.Load(results, null, null), markdown, Path.Combine(dir, "media"));
        var md = File.ReadAllText(markdown);
        Assert.That(md, Does.Contain("| amae-h8-s2 | AMAE, w = 0.01 | 2 | 2,000 of 4,000 |"));
        // step 2000 of seeds 1 and 2: NLL 4.8 and 4.9, perplexity / k 42.5 % and 37.5 %
        Assert.That(md, Does.Contain("| amae-h8 | 2 | 4.850 ± 0.071 | 40.0 % ± 3.5 % | 100 % ± 0 % | 0 of 2 |"));
    }

    [TestCase(false)]
    [TestCase(true)]   // as results written before paths were recorded relative to the cache
    [NonParallelizable]   // sets ADA_CACHE for the process
    public void ATrainLogIsFoundRecordedRelativeToTheCacheOrAbsolute(bool absolute)
    {
        var (dir, results) = CopyOfFixtures();
        using var _ = new EnvironmentVariable("ADA_CACHE", Path.Combine(dir, "cache"));
        var log = Path.Combine(dir, "cache", "runs", "eval", "amae-h8-s1", "train.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, "step,usage_perplexity_ratio\n10,0.5\n20,0.7\n");
        var path = Path.Combine(results, "amae-h8-s1.json");
        EvalFiles.Write(path, EvalFiles.Read<LevelEvaluation>(path) with { TrainLog = absolute ? log : "runs/eval/amae-h8-s1/train.csv" });

        var markdown = Path.Combine(dir, "EVALUATION.md");
        ReportWriter.Write(ReportInputs.Load(results, null, null), markdown, Path.Combine(dir, "media"));
        Assert.That(File.ReadAllText(markdown), Does.Contain("](media/stability-train-usage.png)").And.Not.Contain("no train.csv logs found"));
        Assert.That(File.Exists(Path.Combine(dir, "media", "stability-train-usage.png")), Is.True);
    }

    /// <summary>A temp folder with a results/ copy of the fixtures, to modify.</summary>
    static (string Dir, string Results) CopyOfFixtures()
    {
        var dir = Directory.CreateTempSubdirectory("ada-eval-fixtures").FullName;
        var results = Directory.CreateDirectory(Path.Combine(dir, "results")).FullName;
        foreach (var file in Directory.EnumerateFiles(Fixtures)) File.Copy(file, Path.Combine(results, Path.GetFileName(file)));
        return (dir, results);
    }

    [Test]
    public void AResultWithAnUnknownKeyIsAnErrorNamingTheFileAndKey()
    {
        var dir = Directory.CreateTempSubdirectory("ada-eval-bad").FullName;
        var text = File.ReadAllText(Path.Combine(Fixtures, "wavenet-s1.json")).Replace("\"hop\": 1,", "\"hop\": 1, \"hopp\": 2,");
        File.WriteAllText(Path.Combine(dir, "wavenet-s1.json"), text);
        Assert.That(() => ReportInputs.Load(dir, null, null),
            Throws.TypeOf<ConfigException>().With.Message.Contains("wavenet-s1.json").And.Message.Contains("hopp"));
    }
}
