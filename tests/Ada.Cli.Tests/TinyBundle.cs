using Ada.Models;
using Newtonsoft.Json;

namespace Ada.Cli.Tests;

/// <summary>A three-level model bundle of tiny randomly initialised levels, plus a preset pointing at it.</summary>
static class TinyBundle
{
    static readonly DecoderConfig Decoder = new(Layers: 3, DilationCycle: 3, Residual: 8, Gate: 8, Skip: 8);

    /// <summary>Writes prior/level2/level1 checkpoints, model.json and preset.json into a new temp folder; returns the preset path.</summary>
    public static string Create(double seconds = 0.5)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ada-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        TorchSharp.torch.manual_seed(1);
        Write(dir, "prior.adackpt", new ModelConfig(ModelKind.WaveNet, 3, 4, Decoder));
        Write(dir, "level2.adackpt", new ModelConfig(ModelKind.AdaAmae, 2, 8, Decoder, new AutoencoderConfig(2, 4, 8, 8, DiversityWeight: 0.01)));
        Write(dir, "level1.adackpt", new ModelConfig(ModelKind.AdaAmae, 1, 256, Decoder, new AutoencoderConfig(4, 8, 8, 8, DiversityWeight: 0.01)));
        File.WriteAllText(Path.Combine(dir, "model.json"), JsonConvert.SerializeObject(new { name = "tiny", levels = new[] { "prior.adackpt", "level2.adackpt", "level1.adackpt" } }));
        var preset = Path.Combine(dir, "preset.json");
        File.WriteAllText(preset, $$"""
            { "name": "Tiny Test", "description": "random tiny model", "model": { "path": "model.json" },
              "sampling": { "temperatures": [1.0, 1.0, 1.0], "seed": 5 }, "length": { "seconds": {{seconds}} },
              "output": { "sampleRate": 44100, "format": "pcm16" } }
            """);
        return preset;
    }

    static void Write(string dir, string name, ModelConfig config)
    {
        using var model = LevelModel.Create(config);
        Checkpoint.Write(Path.Combine(dir, name), model, step: 0);
    }
}
