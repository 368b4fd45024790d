namespace Ada.Cli.Tests;

[TestFixture]
[NonParallelizable]   // sets ADA_CACHE for the process
public class TrainCommandTests
{
    [Test]
    public void TrainsTheTinyConfigThenResumesWhereItStopped()
    {
        var cache = Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N"));
        var config = Path.Combine(RepoPaths.Root, "configs", "tiny.json");
        var previous = Environment.GetEnvironmentVariable("ADA_CACHE");
        Environment.SetEnvironmentVariable("ADA_CACHE", cache);
        try
        {
            Assert.That(Program.Main(["train", config, "--steps", "6"]), Is.EqualTo(0));
            var run = Path.Combine(cache, "runs", "tiny");
            Assert.That(File.Exists(Path.Combine(run, "step-00000006.adackpt")), Is.True);

            Assert.That(Program.Main(["train", config, "--steps", "10"]), Is.EqualTo(0));
            Assert.That(File.Exists(Path.Combine(run, "step-00000010.adackpt")), Is.True);
            var summary = File.ReadAllText(Path.Combine(run, "summary.json"));
            Assert.That(summary, Does.Contain("step-00000006.adackpt"), "the second run resumed from the first one's checkpoint");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ADA_CACHE", previous);
        }
    }

    [Test]
    public void EvaluatesHeldOutNllWhileTrainingAndPlotsTheRun()
    {
        var cache = Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(cache);
        var tiny = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "configs", "tiny.json")));
        tiny["name"] = "tiny-heldout";
        tiny["data"]!["holdoutSplit"] = "validation";
        tiny["training"]!["evalInterval"] = 2;
        tiny["training"]!["checkpointDir"] = "runs/tiny-heldout";
        var config = Path.Combine(cache, "tiny-heldout.json");
        File.WriteAllText(config, tiny.ToString());
        var previous = Environment.GetEnvironmentVariable("ADA_CACHE");
        Environment.SetEnvironmentVariable("ADA_CACHE", cache);
        try
        {
            Assert.That(Program.Main(["train", config, "--steps", "4", "--threads", "1", "--device", "cpu"]), Is.EqualTo(0));
            var run = Path.Combine(cache, "runs", "tiny-heldout");
            var rows = File.ReadAllLines(Path.Combine(run, "heldout.csv"));
            Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(new[] { "2", "4" }));
            Assert.That(double.Parse(rows[2].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0.1, 8.5), "bits per sample of 256 classes");
            Assert.That(File.ReadAllText(Path.Combine(run, "summary.json")), Does.Contain("\"lastHeldOut\"").And.Contain("\"step\": 4"));

            Assert.That(Program.Main(["plot", run, "--width", "400", "--height", "300"]), Is.EqualTo(0));
            foreach (var png in new[] { "nll.png", "usage.png" })
                Assert.That(File.ReadAllBytes(Path.Combine(run, png)).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), png);
            Assert.That(Program.Main(["plot", cache]), Is.Not.EqualTo(0), "a folder without train.csv is not a run");

            var other = Path.Combine(cache, "runs", "other");
            Directory.CreateDirectory(other);
            File.Copy(Path.Combine(run, "heldout.csv"), Path.Combine(other, "heldout.csv"));
            var comparison = Path.Combine(cache, "compare.png");
            Assert.That(Program.Main(["plot", run, other, "--width", "400", "--height", "300"]), Is.Not.EqualTo(0), "several runs need --out");
            Assert.That(Program.Main(["plot", run, other, "--out", comparison, "--width", "400", "--height", "300"]), Is.EqualTo(0));
            Assert.That(File.ReadAllBytes(comparison).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
            File.Delete(Path.Combine(other, "heldout.csv"));
            Assert.That(Program.Main(["plot", run, other, "--out", comparison]), Is.Not.EqualTo(0), "a run without heldout.csv cannot be compared");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ADA_CACHE", previous);
            Directory.Delete(cache, true);
        }
    }
}
