namespace Ada.Models.Tests;

public class ConfigTests
{
    static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "AdaPlugin.sln"))) dir = dir.Parent;
        return Path.Combine([dir?.FullName ?? throw new DirectoryNotFoundException("repository root not found"), .. parts]);
    }

    static string TinyJson => File.ReadAllText(RepoFile("configs", "tiny.json"));

    static IEnumerable<string> ExampleConfigs() => Directory.GetFiles(RepoFile("configs"), "*.json").Order();

    [TestCaseSource(nameof(ExampleConfigs))]
    public void ExampleConfigParsesAndItsLayoutIsWhatTheModuleRegisters(string path)
    {
        var config = RunConfigFile.Load(path);
        Assert.That(config.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(path)));
        using var model = Tiny.Build<LevelModel>(config.Model);
        var registered = model.SortedParameters().Select(p => (p.Name, Shape: p.Parameter.shape)).ToList();
        var layout = LevelModel.Layout(config.Model);
        Assert.That(layout.Select(w => w.Name), Is.EqualTo(registered.Select(r => r.Name)));
        Assert.That(layout.Select(w => w.Shape), Is.EqualTo(registered.Select(r => r.Shape)));
    }

    [Test]
    public void RoundTripsThroughJson()
    {
        var config = RunConfigFile.Parse(TinyJson);
        var again = RunConfigFile.Parse(Json.Write(config));
        Assert.That(again.Data.Paths, Is.EqualTo(config.Data.Paths));
        Assert.That(again with { Data = config.Data }, Is.EqualTo(config), "records compare arrays by reference, so Paths is checked above");
        Assert.That(config.Model.Autoencoder!.Hop, Is.EqualTo(8));
        Assert.That(config.Training.Device, Is.EqualTo("auto"));
    }

    [Test]
    public void UnknownKeyIsNamedWithItsPath()
    {
        var json = TinyJson.Replace("\"skip\": 16", "\"skip\": 16, \"skipp\": 3");
        Assert.That(() => RunConfigFile.Parse(json, "config tiny.json"), Throws.TypeOf<ConfigException>()
            .With.Message.EqualTo("config tiny.json: unknown key 'model.decoder.skipp'"));
    }

    [Test]
    public void WrongTypeAndMissingKeyAreNamedWithTheirPath()
    {
        var wrongType = TinyJson.Replace("\"batchSize\": 2", "\"batchSize\": \"two\"");
        Assert.That(() => RunConfigFile.Parse(wrongType), Throws.TypeOf<ConfigException>().With.Message.Contains("key 'training.batchSize'"));
        var missing = TinyJson.Replace("\"hop\": 8,", "");
        Assert.That(() => RunConfigFile.Parse(missing), Throws.TypeOf<ConfigException>().With.Message.EqualTo("config: missing key 'model.autoencoder.hop'"));
    }

    [TestCase("\"hop\": 8", "\"hop\": 12", "model.autoencoder.hop must be a power of two (got 12)")]
    [TestCase("\"kind\": \"ada-amae\"", "\"kind\": \"ada-xx\"", "model.kind must be one of ada-amae, ada-vq, wavenet, transformer (got 'ada-xx')")]
    [TestCase("\"cropLength\": 512", "\"cropLength\": 500", "data.cropLength (500) must be a multiple of model.autoencoder.hop (8)")]
    [TestCase("\"classes\": 256", "\"classes\": 512", "model.classes must be 256 at level 1 (8-bit mu-law audio), got 512")]
    [TestCase("\"diversityWeight\": 0.01", "\"diversityWeight\": 0.01, \"commitmentBeta\": 0.25", "model.autoencoder.commitmentBeta is not used by kind 'ada-amae'")]
    [TestCase("\"layers\": 4", "\"layers\": 0", "model.decoder.layers must be in [1, 1024] (got 0)")]
    public void SemanticErrorsNameTheKey(string from, string to, string message)
    {
        var json = TinyJson.Replace(from, to);
        Assert.That(json, Is.Not.EqualTo(TinyJson), "the test must change the config");
        Assert.That(() => RunConfigFile.Parse(json), Throws.TypeOf<ConfigException>().With.Message.Contains(message));
    }

    [Test]
    public void LevelTwoNeedsTheLowerLevelCheckpoint()
    {
        var json = File.ReadAllText(RepoFile("configs", "piano-l2-amae-h8.json"));
        var without = System.Text.RegularExpressions.Regex.Replace(json, ",\\s*\"lowerLevel\": \"[^\"]*\"", "");
        Assert.That(() => RunConfigFile.Parse(without), Throws.TypeOf<ConfigException>().With.Message.Contains("data.lowerLevel is required at level 2"));
    }

    [Test]
    public void MissingFileIsNamed()
    {
        Assert.That(() => RunConfigFile.Load("/nonexistent/x.json"), Throws.TypeOf<ConfigException>().With.Message.EqualTo("config /nonexistent/x.json: file not found"));
    }
}
