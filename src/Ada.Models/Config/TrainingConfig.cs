using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>Optimisation and bookkeeping of a run.</summary>
/// <param name="Device">"auto", "cpu", "cuda" or "cuda:N".</param>
/// <param name="Threads">Torch CPU threads; 0 keeps LibTorch's default.</param>
/// <param name="GradClip">Maximum global gradient L2 norm; 0 disables clipping.</param>
/// <param name="Resume">Continue from the newest checkpoint in CheckpointDir when one exists.</param>
/// <param name="EvalInterval">Steps between held-out NLL evaluations on data.holdoutSplit (heldout.csv); 0 turns them off.</param>
/// <param name="EvalBatches">Fixed held-out batches per evaluation (the same crops every time, so the curve is comparable); 0 or absent: 4.</param>
public sealed record TrainingConfig(
    [property: JsonProperty(Required = Required.Always)] int BatchSize,
    [property: JsonProperty(Required = Required.Always)] int Steps,
    [property: JsonProperty(Required = Required.Always)] double LearningRate,
    [property: JsonProperty(Required = Required.Always)] int Seed,
    [property: JsonProperty(Required = Required.Always)] string CheckpointDir,
    string Device = "auto",
    int Threads = 0,
    double GradClip = 1.0,
    int LogInterval = 10,
    int CheckpointInterval = 1000,
    bool Resume = true,
    int EvalInterval = 0,
    int EvalBatches = 0)
{
    internal void Validate(string path)
    {
        ConfigCheck.Range(BatchSize, 1, 4096, path + ".batchSize");
        ConfigCheck.Range(Steps, 1, int.MaxValue, path + ".steps");
        if (!(LearningRate > 0 && LearningRate < 1)) throw new ConfigException($"{path}.learningRate must be in (0, 1) (got {LearningRate})");
        ConfigCheck.Range(Seed, 0, int.MaxValue, path + ".seed");
        if (string.IsNullOrWhiteSpace(CheckpointDir)) throw new ConfigException($"{path}.checkpointDir must not be empty");
        if (string.IsNullOrWhiteSpace(Device)) throw new ConfigException($"{path}.device must not be empty (use \"auto\")");
        ConfigCheck.Range(Threads, 0, 1024, path + ".threads");
        ConfigCheck.Range(GradClip, 0, 1e6, path + ".gradClip");
        ConfigCheck.Range(LogInterval, 1, int.MaxValue, path + ".logInterval");
        ConfigCheck.Range(CheckpointInterval, 1, int.MaxValue, path + ".checkpointInterval");
        ConfigCheck.Range(EvalInterval, 0, int.MaxValue, path + ".evalInterval");
        ConfigCheck.Range(EvalBatches, 0, 4096, path + ".evalBatches");
    }

    /// <summary>The held-out batches each evaluation reads: <see cref="EvalBatches"/>, or 4 when it is 0.</summary>
    [JsonIgnore]
    public int HeldOutBatches => EvalBatches > 0 ? EvalBatches : 4;
}
