using System.Diagnostics;
using Ada.Audio;
using Ada.Data;
using Ada.Models;
using static TorchSharp.torch;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// Scores checkpoints on a fixed, seeded set of held-out crops: decoder NLL given the codes, code usage, and for the
/// newest checkpoint a reconstruction. The crops come from the run's own data recipe (the run config stored in the
/// checkpoint), so a level-2 run is scored on codes of the level below, and a synthetic run on synthetic sines.
/// </summary>
public static class LevelEvaluator
{
    /// <summary>
    /// Evaluates a run folder (every step-*.adackpt, or only the newest) or a single checkpoint;
    /// <paramref name="progress"/> gets (checkpoints done, checkpoints total).
    /// </summary>
    public static LevelEvaluation Evaluate(string target, LevelEvalOptions options, Action<int, int>? progress = null)
    {
        var checkpoints = Load(target, options.EveryCheckpoint);
        var newest = checkpoints[^1];
        var run = newest.Header.Run
                  ?? throw new InvalidDataException($"checkpoint {newest.Path}: no run config recorded, so its held-out data is unknown");
        options.Validate(newest.Model.Hop);
        var heldOut = Crops(run, options.Split, options.CropLength, options.Crops, options.BatchSize, options.Seed);
        var reconstruct = options.ReconstructCrops > 0 && ModelKind.IsAda(newest.Model.Kind)
            ? Crops(run, options.Split, options.ReconstructLength, options.ReconstructCrops, options.ReconstructCrops, options.Seed)[0]
            : null;

        var scores = new List<CheckpointScore>();
        progress?.Invoke(0, checkpoints.Count);
        foreach (var checkpoint in checkpoints)
        {
            scores.Add(Score(checkpoint, heldOut, checkpoint == newest ? reconstruct : null, options, run.Name));
            progress?.Invoke(scores.Count, checkpoints.Count);
        }
        var dataset = run.Data.Paths[0];
        var manifest = dataset == LevelData.SyntheticSine ? null : ManifestFile.Read(CachePaths.Manifest(dataset)).Summary;
        var a = newest.Model.Autoencoder;
        return new LevelEvaluation(run.Name, newest.Model.Kind, newest.Model.Level, newest.Model.Hop, a?.Codes,
            newest.Model.Kind == ModelKind.AdaAmae ? a!.DiversityWeight : null, newest.Model.Kind == ModelKind.AdaVq ? a!.CommitmentBeta : null,
            ResultPaths.Portable(target), TrainLogOf(target), run.Training.Seed, run.Training.Threads, (long)run.Training.BatchSize * run.Data.CropLength,
            dataset, manifest is null ? null : Hours(manifest, run.Data.Split), options.Split.ToString().ToLowerInvariant(),
            manifest is null ? null : Hours(manifest, options.Split.ToString()), options.Crops, options.CropLength, options.Seed,
            MachineInfo.Describe(), scores, TrainTargetSteps: run.Training.Steps);
    }

    /// <summary>The checkpoints a target stands for, oldest first: a file is itself, a folder holds step-*.adackpt files.</summary>
    static List<Checkpoint> Load(string target, bool every)
    {
        if (File.Exists(target)) return [Checkpoint.Read(target)];
        if (!Directory.Exists(target)) throw new FileNotFoundException($"{target}: no such checkpoint or run folder", target);
        var files = every
            ? Directory.EnumerateFiles(target, "step-*" + Checkpoint.Extension).ToList()
            : Trainer.LatestCheckpoint(target) is { } latest ? [latest] : [];
        if (files.Count == 0) throw new FileNotFoundException($"{target}: run folder holds no step-*{Checkpoint.Extension} checkpoint yet", target);
        var checkpoints = files.Select(f => Checkpoint.Read(f)).OrderBy(c => c.Step).ToList();
        if (checkpoints.FirstOrDefault(c => c.Model != checkpoints[^1].Model) is { } odd)
            throw new InvalidDataException($"checkpoint {odd.Path}: its architecture differs from {checkpoints[^1].Path}; one run folder must hold one model");
        return checkpoints;
    }

    static string? TrainLogOf(string target)
    {
        var log = Path.Combine(Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target))!, "train.csv");
        return File.Exists(log) ? ResultPaths.Portable(log) : null;
    }

    static double? Hours(ManifestSummary summary, string split) => split.ToLowerInvariant() switch
    {
        "train" => summary.Train.Hours,
        "validation" => summary.Validation.Hours,
        "test" => summary.Test.Hours,
        _ => null,
    };

    /// <summary>Batches 0, 1, … of seed <paramref name="seed"/> of the run's signal: the same crops whenever the arguments are the same.</summary>
    internal static List<Tensor> Crops(RunConfig run, DataSplit split, int cropLength, int crops, int batchSize, int seed)
    {
        var heldOut = run with
        {
            Data = run.Data with { CropLength = cropLength },
            Training = run.Training with { Seed = seed },
        };
        using var data = LevelData.Open(heldOut, split, batchSize);
        return Enumerable.Range(0, crops / batchSize).Select(i => data.Source.Batch(i).DetachFromDisposeScope()).ToList();
    }

    static CheckpointScore Score(Checkpoint checkpoint, IReadOnlyList<Tensor> heldOut, Tensor? reconstruct, LevelEvalOptions options, string name)
    {
        using var scope = NewDisposeScope();
        using var model = checkpoint.CreateModel();
        model.eval();
        var nll = Metrics.NllBits(model, heldOut);
        if (model is not AdaLevel level) return new CheckpointScore(checkpoint.Step, checkpoint.Header.ElapsedSeconds, nll);
        var usage = Usage(level, heldOut);
        var reconstruction = reconstruct is null ? null : Reconstruct(level, reconstruct, options, name);
        return new CheckpointScore(checkpoint.Step, checkpoint.Header.ElapsedSeconds, nll, usage.PerplexityRatio, usage.FractionUsed, reconstruction);
    }

    /// <summary>Code usage over all held-out crops together (not per batch, which would understate it).</summary>
    static CodeUsage Usage(AdaLevel level, IReadOnlyList<Tensor> heldOut)
    {
        var counts = new long[level.Codes];
        foreach (var batch in heldOut)
        {
            using var scope = NewDisposeScope();
            var batchCounts = CodeUsage.Of(level.Encode(batch), level.Codes).Counts;
            for (int i = 0; i < counts.Length; i++) counts[i] += batchCounts[i];
        }
        return CodeUsage.FromCounts(counts);
    }

    static ReconstructionScore Reconstruct(AdaLevel level, Tensor classes, LevelEvalOptions options, string name)
    {
        var clock = Stopwatch.StartNew();
        var result = Metrics.Reconstruct(level, classes, new SamplingOptions((ulong)options.Seed));
        double rate = classes.numel() / clock.Elapsed.TotalSeconds;
        string? original = null, reconstructed = null;
        if (options.AudioDir is { } dir && level.Config.Level == 1)
        {
            int length = Math.Min((int)classes.shape[1], (int)(options.AudioSeconds * 16000));
            // every run with the same seed and split reconstructs the same crop, so they share one original file
            original = WriteClip(Path.Combine(dir, $"heldout-{options.Split.ToString().ToLowerInvariant()}-seed{options.Seed}-{options.ReconstructLength}.wav"), classes[0], length);
            reconstructed = WriteClip(Path.Combine(dir, $"{name}-reconstruction.wav"), result.Sampled[0], length);
        }
        return new ReconstructionScore((int)classes.shape[0], (int)classes.shape[1], result.Distance?.SpectralConvergence,
            result.Distance?.LogMagnitude, result.Agreement, rate, original, reconstructed);
    }

    /// <summary>Writes the first <paramref name="length"/> mu-law classes of (T,) as 16 kHz PCM16; returns the path.</summary>
    static string WriteClip(string path, Tensor classes, int length)
    {
        var bytes = classes.narrow(0, 0, length).cpu().to_type(ScalarType.Byte).data<byte>().ToArray();
        var audio = new float[length];
        Ada.Audio.MuLaw.Decode(bytes, audio);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AudioFile.WriteWav(path, new AudioBuffer(audio, 16000, 1));
        return path;
    }
}
