using System.CommandLine;
using Ada.Cli.Pipeline;
using Ada.Models;
using Newtonsoft.Json;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada export`: assembles a shippable model folder (model.json + weight-only level checkpoints) from training runs.</summary>
public static class ExportCommand
{
    /// <summary>Builds the `export` verb.</summary>
    public static Command Create()
    {
        var name = new Option<string>("--name") { Required = true, Description = "Model name written into model.json" };
        var levels = new Option<string[]>("--levels") { Required = true, AllowMultipleArgumentsPerToken = true,
            Description = "Run folders or checkpoints, top prior first (run folders stand for their newest checkpoint)" };
        var output = new Option<string>("--out") { Required = true, Description = "Model folder to write (e.g. models/default-piano)" };
        var command = new Command("export", "Write a model folder the renderer and the service load: weights only, no optimizer state.") { name, levels, output };
        command.SetAction(parse =>
        {
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(dir);
            var files = new List<string>();
            foreach (var level in parse.GetValue(levels)!)
            {
                var path = CachePaths.Resolve(level);
                if (Directory.Exists(path)) path = Trainer.LatestCheckpoint(path) ?? throw new FileNotFoundException($"{level}: no checkpoint in {path}");
                var checkpoint = Checkpoint.Read(path);
                using var model = checkpoint.CreateModel();
                var file = $"level{checkpoint.Model.Level}-{checkpoint.Model.Kind}{Checkpoint.Extension}";
                Checkpoint.Write(Path.Combine(dir, file), model, checkpoint.Step, checkpoint.Header.Run, optimizer: null, checkpoint.Header.ElapsedSeconds);
                files.Add(file);
                AnsiConsole.MarkupLineInterpolated($"{file}: step {checkpoint.Step}, {checkpoint.Header.ElapsedSeconds / 60:F0} min of training, {new FileInfo(Path.Combine(dir, file)).Length / 1024} KiB");
            }
            var manifest = Path.Combine(dir, "model.json");
            AtomicFile.WriteText(manifest, JsonConvert.SerializeObject(new ModelBundle.Manifest(parse.GetValue(name)!, files.ToArray(), 16000, "MODEL_CARD.md"), Formatting.Indented));
            var bundle = ModelBundle.Load(manifest);
            AnsiConsole.MarkupLineInterpolated($"wrote {manifest}: {bundle.Weights.Count} levels, hash {bundle.Hash}");
            return 0;
        });
        return command;
    }
}
