using Ada.Models;
using Ada.Service.Tests.Support;

namespace Ada.Service.Models.Tests.Support;

/// <summary>
/// A tiny random two-level model written with TorchSharp (an 8-code prior over an AMAE audio level with an encoder) and
/// presets pointing at it, in a temp folder: what PresetModelSource and the primer encoder read.
/// </summary>
public sealed class TinyCheckpoints : IDisposable
{
    private static readonly DecoderConfig Decoder = new(Layers: 3, DilationCycle: 3, Residual: 8, Gate: 8, Skip: 8);
    private readonly TempDir _dir = new();

    public TinyCheckpoints()
    {
        var model = Directory.CreateDirectory(_dir.Sub("model")).FullName;
        TorchSharp.torch.manual_seed(3);
        WriteLevel(Path.Combine(model, "prior.adackpt"), new ModelConfig(ModelKind.WaveNet, 2, 8, Decoder));
        WriteLevel(Path.Combine(model, "level1.adackpt"),
            new ModelConfig(ModelKind.AdaAmae, 1, 256, Decoder, new AutoencoderConfig(4, 8, 8, 8, DiversityWeight: 0.01)));
        ModelManifest = Path.Combine(model, "model.json");
        File.WriteAllText(ModelManifest, """{ "name": "tiny", "levels": ["prior.adackpt", "level1.adackpt"] }""");
        Presets = Directory.CreateDirectory(_dir.Sub("presets")).FullName;
        WritePreset("tiny.json", "Tiny Piano", hash: null);
        WritePreset("wrong.json", "Wrong Hash", hash: new string('0', 64));
    }

    /// <summary>The presets folder: tiny.json ("Tiny Piano": temperatures 0.9/1.1, seed 9, 0.1 s) and wrong.json (a wrong model hash).</summary>
    public string Presets { get; }

    /// <summary>The model's model.json.</summary>
    public string ModelManifest { get; }

    /// <summary>A scratch path in the folder.</summary>
    public string Sub(string name) => _dir.Sub(name);

    public void Dispose() => _dir.Dispose();

    private static void WriteLevel(string path, ModelConfig config)
    {
        using var level = LevelModel.Create(config);
        Checkpoint.Write(path, level, step: 0);
    }

    private void WritePreset(string file, string name, string? hash) =>
        File.WriteAllText(Path.Combine(Presets, file), $$"""
            { "name": "{{name}}", "description": "random tiny model", "model": { "path": "../model/model.json"{{(hash is null ? "" : $", \"hash\": \"{hash}\"")}} },
              "sampling": { "temperatures": [0.9, 1.1], "seed": 9 }, "length": { "seconds": 0.1 } }
            """);
}
