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
}
