using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>JSON header of an .adackpt file.</summary>
/// <param name="Kind">Model kind, repeated from Model.Kind for tools that only peek.</param>
/// <param name="ContentHash">SHA-256 (hex) of the weights' little-endian float32 bytes, concatenated in ordinal name order.</param>
/// <param name="DataLength">Bytes of the data section that follows the header.</param>
/// <param name="Moments">Adam moments "exp_avg.NAME" / "exp_avg_sq.NAME", present when the optimizer state was saved.</param>
/// <param name="MomentsHash">SHA-256 of the moments, like ContentHash.</param>
public sealed record CheckpointHeader(
    [property: JsonProperty(Required = Required.Always)] string Kind,
    [property: JsonProperty(Required = Required.Always)] ModelConfig Model,
    [property: JsonProperty(Required = Required.Always)] long Step,
    [property: JsonProperty(Required = Required.Always)] TensorEntry[] Tensors,
    [property: JsonProperty(Required = Required.Always)] string ContentHash,
    [property: JsonProperty(Required = Required.Always)] long DataLength,
    RunConfig? Run = null,
    AdamHeader? Optimizer = null,
    TensorEntry[]? Moments = null,
    string? MomentsHash = null,
    double ElapsedSeconds = 0,
    string? TorchSharp = null);
