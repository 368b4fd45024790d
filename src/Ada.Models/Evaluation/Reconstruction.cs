using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Encode → sample the decoder: the codes, the sampled signal, how often it equals the input, and (level 1) the STFT distance.</summary>
public sealed record Reconstruction(Tensor Codes, Tensor Sampled, double Agreement, StftDistance? Distance);
