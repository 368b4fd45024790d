using System.Text;
using System.Text.Json;

namespace AdaPlugin.Tests;

/// <summary>Reading preset names from JSON files.</summary>
[TestFixture]
public sealed class PresetCatalogTests
{
    private static string? Name(string json) => PresetCatalog.ReadName(Encoding.UTF8.GetBytes(json));

    [Test]
    public void ReadName_TakesTheTopLevelNameOnly()
    {
        Assert.That(Name("""{ "levels": [ { "name": "inner" } ], "meta": { "name": "x" }, "name": "Outer" }"""), Is.EqualTo("Outer"));
        Assert.That(Name("{ // a comment\n \"name\": \"Commented\", }"), Is.EqualTo("Commented"));
        Assert.That(Name("""{ "temperature": 0.9 }"""), Is.Null);
        Assert.That(Name("""{ "name": "Sm\u00f8rrebr\u00f8d \ud83c\udfb9" }"""), Is.EqualTo("Smørrebrød 🎹"));
    }

    [TestCase("""[ "name" ]""", "one JSON object")]
    [TestCase("""{ "name": 3 }""", "must be a string")]
    public void ReadName_RejectsFilesThatAreNotPresets(string json, string message) =>
        Assert.That(() => Name(json), Throws.InstanceOf<JsonException>().With.Message.Contains(message));

    [Test]
    public void ReadName_RejectsTruncatedJson() =>
        Assert.That(() => Name("""{ "model": { "layers": 3"""), Throws.InstanceOf<JsonException>());

    [Test]
    public void Load_ListsNamesSorted_FallsBackToTheFileName_AndSkipsBrokenFilesWithAWarning()
    {
        var folder = Directory.CreateTempSubdirectory("adaplugin-presets-").FullName;
        File.WriteAllText(Path.Combine(folder, "1.json"), """{ "name": "Zither" }""");
        File.WriteAllText(Path.Combine(folder, "Nameless One.json"), """{ "seed": 4 }""");
        File.WriteAllText(Path.Combine(folder, "2.json"), """{ "name": "Accordion" }""");
        File.WriteAllText(Path.Combine(folder, "broken.json"), """{ "name": """);
        File.WriteAllText(Path.Combine(folder, "readme.md"), "# not a preset");
        var warnings = new List<string>();
        PluginLog.Logged += warnings.Add;
        try
        {
            Assert.That(PresetCatalog.Load(folder), Is.EqualTo(new[] { "Accordion", "Nameless One", "Zither" }));
        }
        finally
        {
            PluginLog.Logged -= warnings.Add;
            Directory.Delete(folder, true);
        }
        Assert.That(warnings, Has.One.Contains("broken.json"));
    }

    [Test]
    public void Load_MissingFolder_IsEmpty() =>
        Assert.That(PresetCatalog.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), Is.Empty);

    [Test]
    public void ReadSeed_TakesSamplingSeed_ElseZero()
    {
        ulong Seed(string json) => PresetCatalog.ReadSeed(Encoding.UTF8.GetBytes(json));
        Assert.That(Seed("""{ "name": "x", "seed": 9, "sampling": { "temperatures": [1], "seed": 17 } }"""), Is.EqualTo(17));
        Assert.That(Seed("""{ "sampling": { "seed": -3 } }"""), Is.Zero);
        Assert.That(Seed("""{ "sampling": { "temperatures": [1] } }"""), Is.Zero);
        Assert.That(Seed("""{ "name": "no sampling" }"""), Is.Zero);
    }

    [Test]
    public void LoadEntries_GivesAbsolutePathsAndSeeds_FirstFileWinsADuplicateName()
    {
        var folder = Directory.CreateTempSubdirectory("adaplugin-presets-").FullName;
        File.WriteAllText(Path.Combine(folder, "a.json"), """{ "name": "Same", "sampling": { "seed": 1 } }""");
        File.WriteAllText(Path.Combine(folder, "b.json"), """{ "name": "Same", "sampling": { "seed": 2 } }""");
        try
        {
            Assert.That(PresetCatalog.LoadEntries(folder), Is.EqualTo(new[] { new PresetEntry("Same", Path.Combine(folder, "a.json"), 1) }));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
