using Ada.Vst3.Interop;

namespace AdaPlugin.Tests;

/// <summary>The parameter model (managed): ranges, steps, preset list and the shared values.</summary>
[TestFixture]
public sealed class ParameterModelTests
{
    [Test]
    public void EmptyPresetList_ShowsOneNoPresetsEntry()
    {
        var parameters = new AdaParameters([]);
        var preset = parameters[AdaParameterId.Preset];
        Assert.That(preset.Labels, Is.EqualTo(new[] { AdaParameters.NoPresets }));
        Assert.That(preset.StepCount, Is.EqualTo(0));
        Assert.That(parameters.PresetName, Is.EqualTo(AdaParameters.NoPresets));
        Assert.That(preset.Flags, Is.EqualTo(ParameterFlags.CanAutomate | ParameterFlags.IsList));
    }

    [Test]
    public void SetPresets_KeepsTheSelectedPresetByName()
    {
        var parameters = new AdaParameters(["Bass", "Choir", "Drums"]);
        Assert.That(parameters.SelectPreset("Choir"), Is.True);
        parameters.SetPresets(["Accordion", "Bass", "Choir", "Drums"]);
        Assert.That(parameters.PresetName, Is.EqualTo("Choir"));
        Assert.That(parameters.GetPlain(AdaParameterId.Preset), Is.EqualTo(2));
        Assert.That(parameters.GetNormalized(AdaParameterId.Preset), Is.EqualTo(2.0 / 3));
    }

    [Test]
    public void SelectPreset_UnknownName_SelectsTheFirstAndSaysSo()
    {
        var parameters = new AdaParameters(["Bass", "Choir"]);
        parameters.SelectPreset("Choir");
        Assert.That(parameters.SelectPreset("Zither"), Is.False);
        Assert.That(parameters.PresetName, Is.EqualTo("Bass"));
    }

    [Test]
    public void SetNormalized_ClampsAndSnaps_AndResetRestoresDefaults()
    {
        var parameters = new AdaParameters([]);
        parameters.SetNormalized(AdaParameterId.VariationOffset, 2.0);
        Assert.That(parameters.GetPlain(AdaParameterId.VariationOffset), Is.EqualTo(AdaParameters.MaxVariationOffset));
        parameters.SetNormalized(AdaParameterId.NoteMode, 0.4);
        Assert.That(parameters.GetNormalized(AdaParameterId.NoteMode), Is.EqualTo(0.0));
        parameters.SetPlain(AdaParameterId.OutputGain, -100);
        Assert.That(parameters.GetPlain(AdaParameterId.OutputGain), Is.EqualTo(-60));
        parameters.ResetToDefaults();
        Assert.That(parameters.GetPlain(AdaParameterId.OutputGain), Is.EqualTo(0).Within(1e-12));
        Assert.That(parameters.GetPlain(AdaParameterId.PrimerLength), Is.EqualTo(8).Within(1e-12));
    }

    [Test]
    public void TryGetDefinition_KnowsExactlyTheTwelveIds()
    {
        var parameters = new AdaParameters([]);
        Assert.That(Enumerable.Range(0, 13).Select(i => parameters.TryGetDefinition((uint)i, out _)),
            Is.EqualTo(Enumerable.Repeat(true, 12).Append(false)));
        Assert.That(parameters.TryGetDefinition(uint.MaxValue, out _), Is.False);
        Assert.That(Enumerable.Range(0, 12).Select(i => (int)parameters[(AdaParameterId)i].Id), Is.EqualTo(Enumerable.Range(0, 12)));
    }

    [TestCase(0, "C-2")]
    [TestCase(60, "C3")]
    [TestCase(61, "C#3")]
    [TestCase(127, "G8")]
    public void RootKey_UsesSteinbergNoteNames(int key, string name)
    {
        var rootKey = new AdaParameters([])[AdaParameterId.RootKey];
        Assert.That(rootKey.Format(key), Is.EqualTo(name));
        Assert.That(rootKey.TryParse(name, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(key));
    }
}
