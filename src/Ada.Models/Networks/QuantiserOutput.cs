using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Result of quantising queries: straight-through vectors (B, k or d, F), codes (B, F) int64, unweighted loss terms.</summary>
public sealed record QuantiserOutput(Tensor Quantised, Tensor Codes, IReadOnlyDictionary<string, Tensor> Losses);
