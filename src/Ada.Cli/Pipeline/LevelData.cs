using Ada.Data;
using Ada.Models;

namespace Ada.Cli.Pipeline;

/// <summary>
/// Builds the training signal of any level: audio crops at level 1; at level n ≥ 2 the same crops passed
/// through the encoders of every level below (each loaded from the checkpoint the config names, whose
/// own run config says where its data and its lower level came from).
/// </summary>
public sealed class LevelData : IDisposable
{
    readonly List<IDisposable> _owned = new();

    /// <summary>The batch source for the run's level.</summary>
    public IBatchSource Source { get; }

    /// <summary>The level-1 crop source at the bottom of the chain (for evaluation passes); null for synthetic data.</summary>
    public AudioBatchSource? Audio { get; }

    /// <summary>The lower levels' encoders, bottom first (empty at level 1).</summary>
    public IReadOnlyList<AdaLevel> Encoders { get; }

    /// <summary>Dataset path that stands for generated sine tones instead of a manifest (configs/tiny.json).</summary>
    public const string SyntheticSine = "synthetic:sine";

    LevelData(IBatchSource source, AudioBatchSource? audio, IReadOnlyList<AdaLevel> encoders)
    {
        Source = source;
        Audio = audio;
        Encoders = encoders;
    }

    /// <summary>Opens the data of <paramref name="run"/> for <paramref name="split"/> with crops of the run's length.</summary>
    public static LevelData Open(RunConfig run, DataSplit split, int? batchSize = null)
    {
        var encoders = new List<AdaLevel>();
        int audioCrop = run.Data.CropLength;
        var data = run.Data;
        while (data.LowerLevel is { } lowerPath)
        {
            var resolved = CachePaths.Resolve(lowerPath);
            // a run folder stands for its newest checkpoint
            if (Directory.Exists(resolved))
                resolved = Trainer.LatestCheckpoint(resolved) ?? throw new FileNotFoundException($"data.lowerLevel {lowerPath}: no checkpoint in {resolved} yet (train that level first)");
            var checkpoint = Checkpoint.Read(resolved);
            if (checkpoint.CreateModel() is not AdaLevel lower)
                throw new InvalidDataException($"checkpoint {checkpoint.Path}: a '{checkpoint.Model.Kind}' model has no encoder to produce codes for the level above");
            lower.eval();
            encoders.Insert(0, lower);
            audioCrop *= lower.Hop;
            data = checkpoint.Header.Run?.Data
                   ?? throw new InvalidDataException($"checkpoint {checkpoint.Path}: no run config recorded, so its own input cannot be rebuilt");
        }
        int batch = batchSize ?? run.Training.BatchSize;
        var audio = SinglePath(data) == SyntheticSine ? null
            : new AudioBatchSource(CachePaths.Manifest(SinglePath(data)), split, audioCrop, batch, (ulong)run.Training.Seed);
        // synthetic "splits" differ by seed, so held-out sines are not the training batches
        IBatchSource source = audio ?? (IBatchSource)new SineBatchSource(batch, audioCrop, (ulong)run.Training.Seed + (ulong)split * 1_000_003);
        foreach (var encoder in encoders) source = new CodeBatchSource(source, encoder);
        var result = new LevelData(source, audio, encoders);
        if (audio != null) result._owned.Add(audio);
        result._owned.AddRange(encoders);
        return result;
    }

    /// <summary>The split data.holdoutSplit names ("train", "validation" or "test").</summary>
    public static DataSplit HoldoutSplit(RunConfig run) =>
        Enum.TryParse<DataSplit>(run.Data.HoldoutSplit, ignoreCase: true, out var split) && Enum.IsDefined(split)
            ? split
            : throw new InvalidDataException($"data.holdoutSplit '{run.Data.HoldoutSplit}' is not a split: use train, validation or test");

    static string SinglePath(DataConfig data) => data.Paths.Length == 1 ? data.Paths[0]
        : throw new InvalidDataException($"data.paths lists {data.Paths.Length} datasets; one dataset per run is supported");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
    }
}
