using Ada.Cli.Pipeline.Evaluation;

namespace Ada.Cli.Tests.Evaluation;

[TestFixture]
[NonParallelizable]   // sets ADA_CACHE and ADA_DATA for the process
public class ResultPathsTests
{
    [Test]
    public void PathsInTheRepositoryAndTheCachesAreRecordedRelativeAndResolveBack()
    {
        var dir = Directory.CreateTempSubdirectory("ada-result-paths").FullName;
        using var cache = new EnvironmentVariable("ADA_CACHE", Path.Combine(dir, "cache"));
        using var data = new EnvironmentVariable("ADA_DATA", Path.Combine(dir, "datasets"));
        var model = Path.Combine(RepoPaths.Root, "models", "default-piano", "model.json");
        var manifest = Path.Combine(dir, "datasets", "piano", "manifest.json");
        var log = Path.Combine(dir, "cache", "runs", "eval", "amae-h8-s1", "train.csv");

        Assert.That(new[] { model, manifest, log }.Select(ResultPaths.Portable),
            Is.EqualTo(new[] { "models/default-piano/model.json", "data/piano/manifest.json", "runs/eval/amae-h8-s1/train.csv" }));
        Assert.That(new[] { model, manifest, log }.Select(p => ResultPaths.Resolve(ResultPaths.Portable(p))), Is.EqualTo(new[] { model, manifest, log }));
        var elsewhere = Path.Combine(dir, "elsewhere", "train.csv");
        Assert.That(ResultPaths.Portable(elsewhere), Is.EqualTo(elsewhere), "a path under no known root stays absolute");
        Assert.That(ResultPaths.Resolve(elsewhere), Is.EqualTo(elsewhere), "absolute paths of older results resolve as recorded");
    }
}
