using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Trains one level from a run config: Adam, gradient clipping, fixed seeds, CSV log, periodic checkpoints, resume.</summary>
public sealed class Trainer : IDisposable
{
    readonly RunConfig config;
    readonly IBatchSource data;
    readonly IBatchSource? holdout;
    readonly Device device;
    readonly AdamOptimizer optimizer;
    readonly IReadOnlyList<Parameter> parameters;
    readonly double elapsedBefore;
    readonly Stopwatch session = new();
    long sessionSamples;
    string? lastCheckpoint;
    string? lastHash;
    long lastCheckpointStep = -1;

    /// <summary>The model being trained.</summary>
    public LevelModel Model { get; }

    /// <summary>Training steps completed so far (including those of a resumed checkpoint).</summary>
    public long Step { get; private set; }

    /// <summary>Checkpoint the run continued from, or null for a fresh start.</summary>
    public string? ResumedFrom { get; }

    /// <summary>Folder of checkpoints, train.csv and summary.json.</summary>
    public string RunDirectory => config.Training.CheckpointDir;

    /// <summary>
    /// Builds the model from the config's seed, or resumes from the newest checkpoint in the run folder when Resume is set.
    /// <paramref name="holdout"/> supplies the held-out batches that training.evalInterval evaluates (batches 0, 1, … every time).
    /// </summary>
    public Trainer(RunConfig config, IBatchSource data, IBatchSource? holdout = null)
    {
        this.config = config.Validate();
        this.data = data;
        this.holdout = holdout;
        foreach (var source in holdout is null ? [data] : new[] { data, holdout })
            if (source.Classes != config.Model.Classes)
                throw new ArgumentException($"model.classes is {config.Model.Classes} but the batch source yields {source.Classes} classes");
        if (config.Training.EvalInterval > 0 && holdout is null)
            throw new ArgumentException("training.evalInterval is set but no held-out batch source was given");
        TorchRuntime.EnsureLoaded();
        NativeAllocator.Tune();
        var t = config.Training;
        if (t.Threads > 0) torch.set_num_threads(t.Threads);
        device = TorchRuntime.SelectDevice(t.Device);
        torch.manual_seed(t.Seed);
        Model = LevelModel.Create(config.Model);
        Model.to(device);
        var named = Model.SortedParameters();
        parameters = named.Select(p => p.Parameter).ToList();
        optimizer = new AdamOptimizer(named, t.LearningRate);

        if (t.Resume && LatestCheckpoint(RunDirectory) is { } latest)
        {
            var checkpoint = Checkpoint.Read(latest, expectedModel: config.Model);
            checkpoint.LoadInto(Model);
            checkpoint.LoadOptimizer(optimizer);
            Step = checkpoint.Step;
            elapsedBefore = checkpoint.Header.ElapsedSeconds;
            ResumedFrom = lastCheckpoint = latest;
            lastHash = checkpoint.ContentHash;
            lastCheckpointStep = Step;
        }
    }

    /// <summary>Path of the checkpoint for <paramref name="step"/> in <paramref name="directory"/>.</summary>
    public static string CheckpointPath(string directory, long step) =>
        System.IO.Path.Combine(directory, $"step-{step:D8}{Checkpoint.Extension}");

    /// <summary>The checkpoint with the highest step in <paramref name="directory"/>, or null.</summary>
    public static string? LatestCheckpoint(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "step-*" + Checkpoint.Extension)
                .Select(p => (Path: p, Step: long.TryParse(System.IO.Path.GetFileNameWithoutExtension(p)["step-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1))
                .Where(p => p.Step >= 0).OrderByDescending(p => p.Step).Select(p => p.Path).FirstOrDefault()
            : null;

    /// <summary>One optimisation step on the batch of the current step index.</summary>
    public TrainMetrics TrainStep()
    {
        using var scope = NewDisposeScope();
        session.Start();
        var t = config.Training;
        var batch = data.Batch(Step).to(device);                                          // (B, T)
        if (batch.shape.Length != 2 || batch.shape[0] != t.BatchSize || batch.shape[1] != config.Data.CropLength)
            throw new InvalidOperationException($"batch source returned shape {WeightSpec.Format(batch.shape)}, config expects [{t.BatchSize}, {config.Data.CropLength}]");
        optimizer.ZeroGrad();
        var loss = Model.Loss(batch);
        loss.Total.backward();
        var gradNorm = nn.utils.clip_grad_norm_(parameters, t.GradClip > 0 ? t.GradClip : double.MaxValue);
        optimizer.Step();
        Step++;
        sessionSamples += batch.numel();
        var usage = loss.Codes is null ? null : CodeUsage.Of(loss.Codes, config.Model.Autoencoder!.Codes);
        var terms = loss.Terms.ToDictionary(kv => kv.Key, kv => (double)kv.Value.item<float>());
        session.Stop();
        return new TrainMetrics(Step, t.Steps, loss.Total.item<float>(), terms, gradNorm, usage,
            sessionSamples / Math.Max(session.Elapsed.TotalSeconds, 1e-9), Elapsed);
    }

    TimeSpan Elapsed => TimeSpan.FromSeconds(elapsedBefore) + session.Elapsed;

    /// <summary>Mean decoder NLL in bits per sample over the fixed held-out batches (0 … training.evalBatches − 1), without gradients.</summary>
    public double HeldOutNll()
    {
        if (holdout is null) throw new InvalidOperationException("no held-out batch source: set data.holdoutSplit and give the trainer one");
        using var _ = no_grad();
        Model.eval();
        try
        {
            double sum = 0;
            for (var i = 0; i < config.Training.HeldOutBatches; i++)
            {
                using var scope = NewDisposeScope();
                sum += Model.Loss(holdout.Batch(i).to(device)).Terms["nll"].item<float>();
            }
            return sum / config.Training.HeldOutBatches;
        }
        finally
        {
            Model.train();
        }
    }

    /// <summary>Writes the checkpoint of the current step (weights + Adam state); returns its path.</summary>
    public string SaveCheckpoint()
    {
        var path = CheckpointPath(RunDirectory, Step);
        lastHash = Checkpoint.Write(path, Model, Step, config, optimizer, Elapsed.TotalSeconds);
        lastCheckpointStep = Step;
        return lastCheckpoint = path;
    }

    /// <summary>Trains until the configured step count or cancellation (then checkpoints, so the run can resume); writes train.csv and summary.json.</summary>
    public TrainSummary Run(Action<TrainMetrics>? onStep = null, CancellationToken cancel = default)
    {
        var t = config.Training;
        var log = new TrainLog(System.IO.Path.Combine(RunDirectory, "train.csv"), ModelKind.Regularisers(config.Model.Kind), Step);
        var heldOutLog = t.EvalInterval > 0 ? new StepCsv(System.IO.Path.Combine(RunDirectory, "heldout.csv"), ["step", "nll_bits", "elapsed_s"], Step) : null;
        TrainMetrics? last = null;
        HeldOutPoint? heldOut = null;
        while (Step < t.Steps && !cancel.IsCancellationRequested)
        {
            last = TrainStep();
            if (heldOutLog != null && Step % t.EvalInterval == 0)
            {
                last = last with { HeldOutNllBits = HeldOutNll() };
                heldOut = new HeldOutPoint(Step, last.HeldOutNllBits.Value);
                heldOutLog.Append(Step, [heldOut.NllBits, last.Elapsed.TotalSeconds]);
            }
            onStep?.Invoke(last);
            if (Step % t.LogInterval == 0 || Step == t.Steps) log.Append(last);
            if (Step % t.CheckpointInterval == 0 || Step == t.Steps) SaveCheckpoint();
        }
        if (lastCheckpointStep != Step) SaveCheckpoint();
        var summary = new TrainSummary(config.Name, config.Model.Kind, Step, t.Steps, Step >= t.Steps, last,
            sessionSamples / Math.Max(session.Elapsed.TotalSeconds, 1e-9), Elapsed.TotalSeconds,
            lastCheckpoint, lastHash, ResumedFrom, heldOut);
        AtomicFile.WriteText(System.IO.Path.Combine(RunDirectory, "summary.json"), Json.Write(summary));
        return summary;
    }

    /// <summary>Frees the optimizer state and the model.</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        Model.Dispose();
    }
}
