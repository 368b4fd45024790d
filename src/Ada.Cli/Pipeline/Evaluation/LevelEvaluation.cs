namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Everything `ada eval level` measured for one run (or checkpoint), with the provenance the report prints: training budget, data, machine.</summary>
/// <param name="Source">The run folder or checkpoint evaluated, as <see cref="ResultPaths"/> records it.</param>
/// <param name="TrainLog">train.csv of the run, when there is one, as <see cref="ResultPaths"/> records it (absolute in older results).</param>
/// <param name="TrainSeed">training.seed of the run.</param>
/// <param name="TrainThreads">training.threads of the run (0 = LibTorch default).</param>
/// <param name="TrainSamplesPerStep">batchSize × cropLength of the run (signal samples per step).</param>
/// <param name="TrainHours">Hours of audio in the training split (null for synthetic data).</param>
/// <param name="HeldOutHours">Hours of audio in the split the crops came from (null for synthetic data).</param>
/// <param name="Checkpoints">One score per checkpoint, in step order; the last one is the newest.</param>
/// <param name="Command">The `ada eval` command line that wrote this result.</param>
/// <param name="TrainTargetSteps">training.steps of the run: a newest checkpoint below it means the run was stopped or is unfinished.</param>
public sealed record LevelEvaluation(
    string Name,
    string Kind,
    int Level,
    int Hop,
    int? Codes,
    double? DiversityWeight,
    double? CommitmentBeta,
    string Source,
    string? TrainLog,
    int TrainSeed,
    int TrainThreads,
    long TrainSamplesPerStep,
    string Dataset,
    double? TrainHours,
    string Split,
    double? HeldOutHours,
    int Crops,
    int CropLength,
    int Seed,
    string Machine,
    IReadOnlyList<CheckpointScore> Checkpoints,
    string? Command = null,
    long TrainTargetSteps = 0)
{
    /// <summary>The newest checkpoint's score.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public CheckpointScore Final => Checkpoints[^1];
}
