using System.Diagnostics;
using Ada.Protocol;
using Ada.Service.Models;
using Ada.Service.Tests.Support;
using AdaPlugin.Service;

namespace AdaPlugin.Tests.Service;

/// <summary>
/// The checkpoint hash in the plug-in state, against a real in-process service: the component records the model the service
/// resolved its preset to (so getState saves it), and a project saved with another model still plays, on the service's model,
/// with the model-changed status raised.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed unsafe class ModelCheckpointTests
{
    private const int Block = 256;
    private const ulong Seed = 5;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly string SavedModel = ContentHash.Of("the model the project was saved with"u8).ToString();
    private static readonly string OtherModel = ContentHash.Of("another preset's model"u8).ToString();

    private TempDir _dir = null!;
    private List<string> _log = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDir();
        Directory.CreateDirectory(_dir.Sub("presets"));
        _log = [];
        PluginLog.Logged += Listen;
    }

    [TearDown]
    public void TearDown()
    {
        PluginLog.Logged -= Listen;
        _dir.Dispose();
    }

    private void Listen(string line)
    {
        lock (_log)
        {
            _log.Add(line);
        }
    }

    private string[] Log()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    /// <summary>A preset file named <paramref name="name"/> and the service's preset for its path (which is what the plug-in loads).</summary>
    private ResolvedPreset Preset(string name, string? modelHash = null)
    {
        var file = _dir.Sub(Path.Combine("presets", name + ".json"));
        File.WriteAllText(file, $$"""{ "name": "{{name}}", "sampling": { "seed": {{Seed}} } }""");
        var preset = TinyModels.Preset(name: file, seconds: 0.5);
        return modelHash is null ? preset : preset with { ModelHash = modelHash };
    }

    private (AdaComponent Component, AdaParameters Parameters, ServiceTakeSource Source) Instance(TestService service, AdaState? saved = null)
    {
        var parameters = new AdaParameters([]);
        var settings = new PluginSettings(service.Host.SocketPath, [], null, TimeSpan.FromSeconds(60));
        var source = new ServiceTakeSource(parameters, settings);
        var component = new AdaComponent(parameters, new AdaProcessor(parameters, source), _dir.Sub("presets"));
        source.Context = component;
        Assert.That(component.Initialize(null), Is.EqualTo(Ada.Vst3.Interop.TResult.Ok));
        if (saved is not null)
        {
            component.Apply(saved);
        }
        source.Prepare(SourceDriver.Rate, Block);
        return (component, parameters, source);
    }

    private static AdaState SavedState(string preset, string checkpoint) => new(preset, Seed, checkpoint, new Dictionary<uint, double>());

    /// <summary>getState then setState, through the serialized blob.</summary>
    private static AdaState Reopen(AdaComponent component)
    {
        Assert.That(AdaStateSerializer.TryParse(AdaStateSerializer.Write(component.Capture()), out var state, out var problem), Is.True, problem);
        return state;
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < Limit)
        {
            Thread.Sleep(5);
        }
        Assert.That(condition(), Is.True, what);
    }

    [Test]
    public void Loading_RecordsTheServicesModelHash_WhichGetStateSavesAndAReopenedProjectExpects()
    {
        var tiny = Preset("tiny");
        using var service = new TestService(new TinyModelSource(tiny));
        var (component, _, source) = Instance(service);
        try
        {
            WaitFor(() => component.CheckpointHash.Length > 0, "the service's model hash is recorded");
            Assert.That(component.CheckpointHash, Is.EqualTo(TinyModels.ModelHash));
            var saved = Reopen(component);
            Assert.That((saved.PresetName, saved.CheckpointHash), Is.EqualTo(("tiny", TinyModels.ModelHash)));
            Assert.That(source.Status.ModelChanged, Is.False);
        }
        finally
        {
            source.Release();
        }

        var (reopened, _, again) = Instance(service, Reopen(component));
        try
        {
            Assert.That(reopened.CheckpointHash, Is.EqualTo(TinyModels.ModelHash), "setState restores it");
            var reference = OfflineRender.Take(tiny, Seed, 60, SourceDriver.Rate);
            var audio = new SourceDriver(again, Block).Render(60, 0, reference.Length, offline: true);
            Assert.That(OfflineRender.FirstMismatch(audio, reference, 0), Is.EqualTo(-1), "the reopened project plays the same take");
            Assert.That((again.Status.ModelChanged, reopened.CheckpointHash), Is.EqualTo((false, TinyModels.ModelHash)));
            Assert.That(Log().Where(l => l.Contains("CheckpointMismatch") || l.Contains("resolves to model")), Is.Empty, "the expected model matched");
        }
        finally
        {
            again.Release();
        }
    }

    [Test]
    public void AProjectSavedWithAnotherModel_StillPlays_RaisesModelChanged_AndSavesTheNewModel()
    {
        var tiny = Preset("tiny");
        using var service = new TestService(new TinyModelSource(tiny));
        var (component, _, source) = Instance(service, SavedState("tiny", SavedModel));
        try
        {
            Assert.That(component.CheckpointHash, Is.EqualTo(SavedModel));
            var reference = OfflineRender.Take(tiny, Seed, 60, SourceDriver.Rate);
            var audio = new SourceDriver(source, Block).Render(60, 0, reference.Length, offline: true);
            Assert.That(OfflineRender.FirstMismatch(audio, reference, 0), Is.EqualTo(-1), "the key plays the take of the service's model");
            Assert.That(source.ArmRequests, Is.EqualTo(1));

            WaitFor(() => source.Status.ModelChanged, "the model-changed status is raised");
            Assert.That(component.CheckpointHash, Is.EqualTo(TinyModels.ModelHash), "the new model is recorded for the next save");
            Assert.That(Log().Count(l => l.Contains($"now plays model {TinyModels.ModelHash}, the project was saved with {SavedModel}")), Is.EqualTo(1));

            // Hosts re-activate a plug-in while a project loads (Ardour does it twice): the status survives, without a second refusal.
            source.Release();
            source.Prepare(SourceDriver.Rate, Block);
            WaitFor(() => source.Status.Connected && source.Status.ModelChanged, "the status survives a re-activation");
            Assert.That(Log().Count(l => l.Contains("loading the preset with the service's model")), Is.EqualTo(1));

            // Saving and reopening the project makes the new model the expected one.
            component.Apply(Reopen(component));
            WaitFor(() => !source.Status.ModelChanged, "a project saved with the new model has no model change");
            Assert.That(component.CheckpointHash, Is.EqualTo(TinyModels.ModelHash));
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void PickingAnotherPreset_RecordsItsModel_WithoutExpectingTheSavedPresetsModel()
    {
        using var service = new TestService(new TinyModelSource(Preset("a"), Preset("b", OtherModel)));
        var (component, parameters, source) = Instance(service, SavedState("a", TinyModels.ModelHash));
        try
        {
            parameters.SelectPreset("b");
            WaitFor(() => component.CheckpointHash == OtherModel, "preset b's model is recorded");
            Assert.That(Reopen(component).CheckpointHash, Is.EqualTo(OtherModel));
            Assert.That(source.Status.ModelChanged, Is.False, "a's model says nothing about b's");
            Assert.That(Log().Where(l => l.Contains("CheckpointMismatch")), Is.Empty);
        }
        finally
        {
            source.Release();
        }
    }
}
