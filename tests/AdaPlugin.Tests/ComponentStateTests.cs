namespace AdaPlugin.Tests;

/// <summary>What the component saves and how it applies a loaded state (managed API).</summary>
[TestFixture]
public sealed class ComponentStateTests
{
    private static (AdaParameters Parameters, AdaComponent Component) Create(params string[] presets)
    {
        var parameters = new AdaParameters(presets);
        return (parameters, new AdaComponent(parameters, new AdaProcessor(parameters, new SilentTakeSource())));
    }

    [Test]
    public void Capture_SavesEveryUserParameterButNotTheTriggerOrReadOnlyOnes()
    {
        var (parameters, component) = Create("Bass", "Choir");
        parameters.SetPlain(AdaParameterId.PrimerCapture, 1);
        parameters.SetPlain(AdaParameterId.Underruns, 12);
        parameters.SelectPreset("Choir");
        var state = component.Capture();
        Assert.That(state.PresetName, Is.EqualTo("Choir"));
        Assert.That(state.PlainValues.Keys.Select(k => (AdaParameterId)k), Is.EquivalentTo(new[]
        {
            AdaParameterId.NoteMode, AdaParameterId.RootKey, AdaParameterId.VariationOffset, AdaParameterId.Temperature,
            AdaParameterId.OutputGain, AdaParameterId.PrimerLength,
        }));
    }

    [Test]
    public void Apply_IgnoresUnknownAndReadOnlyIds_AndDefaultsWhatIsMissing()
    {
        var (parameters, component) = Create("Bass", "Choir");
        parameters.SetPlain(AdaParameterId.Temperature, 0.2);
        parameters.SetPlain(AdaParameterId.Underruns, 5);
        component.Apply(new AdaState("Choir", 42, "hash-1", new Dictionary<uint, double>
        {
            [(uint)AdaParameterId.RootKey] = 50,
            [(uint)AdaParameterId.Underruns] = 99,
            [(uint)AdaParameterId.PrimerCapture] = 1,
            [4242] = 1,
        }));
        Assert.That(parameters.GetPlain(AdaParameterId.RootKey), Is.EqualTo(50));
        Assert.That(parameters.GetPlain(AdaParameterId.Temperature), Is.EqualTo(1.0).Within(1e-12), "missing → default");
        Assert.That(parameters.GetPlain(AdaParameterId.Underruns), Is.EqualTo(5), "status is not state: the saved 99 is ignored");
        Assert.That(parameters.GetPlain(AdaParameterId.PrimerCapture), Is.EqualTo(0));
        Assert.That((component.Seed, component.CheckpointHash, parameters.PresetName), Is.EqualTo((42UL, "hash-1", "Choir")));
    }

    [Test]
    public void TheServicesCheckpoint_IsRecordedForTheSavedPresetOnly_AndAStateAppliedMeanwhileWins()
    {
        var (parameters, component) = Create("Bass", "Choir");
        component.Apply(new AdaState("Choir", 1, "saved model", new Dictionary<uint, double>()));
        var seen = component.Checkpoint;
        Assert.That(component.TryRecordCheckpoint(seen, new CheckpointRecord("Bass", "bass model")), Is.False, "not the preset getState saves");
        component.Apply(new AdaState("Choir", 1, "reopened model", new Dictionary<uint, double>()));
        Assert.That(component.TryRecordCheckpoint(seen, new CheckpointRecord("Choir", "service model")), Is.False, "a stale report");
        Assert.That(component.CheckpointHash, Is.EqualTo("reopened model"));

        Assert.That(component.TryRecordCheckpoint(component.Checkpoint, new CheckpointRecord("Choir", "service model", true)), Is.True);
        Assert.That(component.Capture().CheckpointHash, Is.EqualTo("service model"));
        parameters.SelectPreset("Bass");
        Assert.That(component.Capture().CheckpointHash, Is.Empty, "Choir's model says nothing about Bass's");
    }

    [Test]
    public void APresetThatIsNotInstalled_StaysInTheStateUntilTheUserPicksAnother()
    {
        var (parameters, component) = Create("Bass", "Choir");
        var warnings = new List<string>();
        PluginLog.Logged += warnings.Add;
        try
        {
            component.Apply(AdaState.Defaults with { PresetName = "Theremin" });
        }
        finally
        {
            PluginLog.Logged -= warnings.Add;
        }
        Assert.That(warnings, Has.One.Contains("'Theremin'"));
        Assert.That(parameters.PresetName, Is.EqualTo("Bass"));
        Assert.That(component.Capture().PresetName, Is.EqualTo("Theremin"));
        parameters.SelectPreset("Choir");
        Assert.That(component.Capture().PresetName, Is.EqualTo("Choir"));
    }
}
