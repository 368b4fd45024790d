using Ada.Models;
using Ada.Protocol.Messages;
using Ada.Service.Models;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>The real model source over presets and checkpoints (written with TorchSharp: a tiny random two-level model).</summary>
[TestFixture]
public class PresetModelSourceTests
{
    private static readonly DecoderConfig Decoder = new(Layers: 3, DilationCycle: 3, Residual: 8, Gate: 8, Skip: 8);
    private TempDir _dir = null!;
    private string _presets = null!;

    [OneTimeSetUp]
    public void WriteModelAndPresets()
    {
        _dir = new TempDir();
        var model = Directory.CreateDirectory(_dir.Sub("model")).FullName;
        TorchSharp.torch.manual_seed(3);
        WriteLevel(Path.Combine(model, "prior.adackpt"), new ModelConfig(ModelKind.WaveNet, 2, 8, Decoder));
        WriteLevel(Path.Combine(model, "level1.adackpt"),
            new ModelConfig(ModelKind.AdaAmae, 1, 256, Decoder, new AutoencoderConfig(4, 8, 8, 8, DiversityWeight: 0.01)));
        File.WriteAllText(Path.Combine(model, "model.json"), """{ "name": "tiny", "levels": ["prior.adackpt", "level1.adackpt"] }""");
        _presets = Directory.CreateDirectory(_dir.Sub("presets")).FullName;
        WritePreset("tiny.json", "Tiny Piano", hash: null);
        WritePreset("wrong.json", "Wrong Hash", hash: new string('0', 64));
    }

    [OneTimeTearDown]
    public void Delete() => _dir.Dispose();

    [Test]
    public void PresetsResolveByFileNamePresetNameOrPathWithTheBundlesHash()
    {
        var source = new PresetModelSource(_presets);
        var byFile = source.Resolve("tiny");
        var bundle = ModelBundle.Load(_dir.Sub("model/model.json"));
        Assert.That(byFile.ModelHash, Is.EqualTo(bundle.Hash));
        Assert.That((byFile.Name, byFile.Levels.Count, byFile.Seconds, byFile.Seed), Is.EqualTo(("Tiny Piano", 2, 0.1, 9UL)));
        Assert.That(byFile.Temperatures, Is.EqualTo(new[] { 0.9f, 1.1f }));
        Assert.That(source.Resolve("Tiny Piano"), Is.SameAs(byFile), "by the preset's name, from the cache");
        Assert.That(source.Resolve(Path.Combine(_presets, "tiny.json")), Is.SameAs(byFile), "by absolute path");
        Assert.That(byFile.Problem(), Is.Null);
    }

    [Test]
    public void AMissingPresetOrAWrongModelHashIsReportedWithItsErrorCode()
    {
        var source = new PresetModelSource(_presets);
        var missing = Assert.Throws<ModelSourceException>(() => source.Resolve("nothing"))!;
        Assert.That(missing.Code, Is.EqualTo(ErrorCode.PresetNotFound));
        var wrong = Assert.Throws<ModelSourceException>(() => source.Resolve("wrong"))!;
        Assert.That(wrong.Code, Is.EqualTo(ErrorCode.CheckpointMismatch));
        Assert.That(wrong.Message, Does.Contain(new string('0', 64)));
        Assert.That(Assert.Throws<ModelSourceException>(() => new PresetModelSource(null).Resolve("tiny"))!.Code, Is.EqualTo(ErrorCode.PresetNotFound));
    }

    [Test]
    public void AServiceOnRealCheckpointsStreamsTheOfflineRender()
    {
        var source = new PresetModelSource(_presets);
        using var service = new TestService(source);
        using var client = service.Connect(48_000);
        var (_, ring) = client.Arm(1, "Tiny Piano", 4, 2);
        var reference = OfflineRender.Take(source.Resolve("tiny"), 4, 2, 48_000);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(ring, 0, reference.Length), reference, 0), Is.EqualTo(-1));
    }

    private static void WriteLevel(string path, ModelConfig config)
    {
        using var level = LevelModel.Create(config);
        Checkpoint.Write(path, level, step: 0);
    }

    private void WritePreset(string file, string name, string? hash) =>
        File.WriteAllText(Path.Combine(_presets, file), $$"""
            { "name": "{{name}}", "description": "random tiny model", "model": { "path": "../model/model.json"{{(hash is null ? "" : $", \"hash\": \"{hash}\"")}} },
              "sampling": { "temperatures": [0.9, 1.1], "seed": 9 }, "length": { "seconds": 0.1 } }
            """);
}
