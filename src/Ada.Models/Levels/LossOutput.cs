using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Loss of one batch: the scalar to minimise, every term by name ("nll" in bits/sample, unweighted regularisers), and the codes used (ADA only).</summary>
public sealed record LossOutput(Tensor Total, IReadOnlyDictionary<string, Tensor> Terms, Tensor? Codes);
