namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// Encode → sample the decoder from the codes (reference sampler, temperature 1) on held-out crops: multi-resolution STFT
/// distance to the input (level 1), how often the sampled class equals the input class, and the sampler's speed.
/// </summary>
public sealed record ReconstructionScore(
    int Crops,
    int CropLength,
    double? SpectralConvergence,
    double? LogMagnitude,
    double Agreement,
    double SamplesPerSecond,
    string? OriginalAudio = null,
    string? ReconstructedAudio = null);
