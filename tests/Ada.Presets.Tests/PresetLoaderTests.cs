namespace Ada.Presets.Tests;

[TestFixture]
public class PresetLoaderTests
{
    const string Valid = """
        {
          "name": "Test",
          "description": "A test preset.",
          "model": { "path": "../models/x/model.json" },
          "sampling": { "temperatures": [0.9, 1.0], "seed": 42 }
        }
        """;

    static PresetException Fails(string json) =>
        Assert.Throws<PresetException>(() => PresetLoader.Parse(json, "/presets/bad.json"))!;

    [Test]
    public void ValidPresetGetsDefaultsAndResolvesTheModelPath()
    {
        var preset = PresetLoader.Parse(Valid, "/work/presets/test.json");
        Assert.That(preset.Name, Is.EqualTo("Test"));
        Assert.That(preset.Sampling.Temperatures, Is.EqualTo(new[] { 0.9f, 1.0f }));
        Assert.That(preset.Sampling.Seed, Is.EqualTo(42UL));
        Assert.That(preset.Sampling.Variation, Is.EqualTo(0));
        Assert.That(preset.Length.Seconds, Is.EqualTo(20));
        Assert.That(preset.Output, Is.EqualTo(new OutputSettings(44100, SampleFormat.Pcm24)));
        Assert.That(preset.ModelPath, Is.EqualTo("/work/models/x/model.json"));
    }

    [Test]
    public void EveryBadFieldIsReportedWithItsPath()
    {
        var error = Fails("""
            {
              "name": "Test",
              "description": "x",
              "model": { "path": "m.json", "colour": "red" },
              "sampling": { "temperatures": [0.9, 7.5], "seed": "one" },
              "output": { "format": "mp3" },
              "tempo": 120
            }
            """);
        Assert.That(error.Problems, Has.Some.Contains("model.colour: unknown key"));
        Assert.That(error.Problems, Has.Some.Matches<string>(p => p.StartsWith("sampling.temperatures[1]") && p.Contains("out of range")));
        Assert.That(error.Problems, Has.Some.Matches<string>(p => p.StartsWith("sampling.seed") && p.Contains("integer expected")));
        Assert.That(error.Problems, Has.Some.Contains("output.format: value not allowed"));
        Assert.That(error.Problems, Has.Some.Contains("tempo: unknown key"));
        Assert.That(error.Message, Does.StartWith("preset /presets/bad.json: "));
    }

    [Test]
    public void MissingRequiredKeysAndBrokenJsonAreNamed()
    {
        Assert.That(Fails("""{ "name": "x", "description": "y", "model": { "path": "m" } }""").Problems,
            Has.Some.Contains("sampling: required key missing"));
        Assert.That(Fails("{ \"name\": ").Problems.Single(), Does.StartWith("not valid JSON"));
    }

    [Test]
    public void ModelChecksNameTheMissingFileAndTheLevelCount()
    {
        var preset = PresetLoader.Parse(Valid, Path.Combine(Path.GetTempPath(), "p.json"));
        var error = Assert.Throws<PresetException>(() => PresetLoader.CheckAgainstModel(preset, modelLevels: 3))!;
        Assert.That(error.Problems, Has.Some.Contains("model.path: model manifest"));
        Assert.That(error.Problems, Has.Some.Contains("sampling.temperatures: 2 values, the model has 3 levels"));
    }

    [Test]
    public void BarsConvertToSecondsAtTheTempo()
    {
        var length = new LengthSettings(Tempo: 120, BeatsPerBar: 4);
        Assert.That(length.SecondsForBars(8), Is.EqualTo(16.0));
        Assert.That(length.SecondsForBars(8, tempo: 96), Is.EqualTo(20.0));
    }

    [Test]
    public void ShippedPresetsAreValid()
    {
        var dir = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../presets"));
        var files = Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith(".schema.json")).ToArray();
        Assume.That(files, Is.Not.Empty, "no presets shipped yet");
        foreach (var file in files) Assert.That(PresetLoader.Load(file).Name, Is.Not.Empty, file);
    }
}
