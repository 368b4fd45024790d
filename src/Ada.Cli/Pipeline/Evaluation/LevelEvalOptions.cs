using Ada.Data;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// What `ada eval level` measures on: <paramref name="Crops"/> held-out crops of <paramref name="CropLength"/> samples drawn
/// with <paramref name="Seed"/> (the same crops for every checkpoint), and for the newest checkpoint a reconstruction of
/// <paramref name="ReconstructCrops"/> × <paramref name="ReconstructLength"/> samples; <paramref name="AudioDir"/> receives
/// the first <paramref name="AudioSeconds"/> of reconstruction 0 and its original as 16 kHz WAV.
/// </summary>
public sealed record LevelEvalOptions(
    DataSplit Split = DataSplit.Validation,
    int Crops = 64,
    int CropLength = 8192,
    int BatchSize = 8,
    int Seed = 1,
    bool EveryCheckpoint = true,
    int ReconstructCrops = 2,
    int ReconstructLength = 32768,
    string? AudioDir = null,
    double AudioSeconds = 2)
{
    /// <summary>Throws when a setting cannot work for a model with <paramref name="hop"/> samples per code frame, naming the option.</summary>
    public void Validate(int hop)
    {
        if (BatchSize < 1) throw new ArgumentException($"--batch must be ≥ 1, got {BatchSize}");
        if (Crops < BatchSize || Crops % BatchSize != 0) throw new ArgumentException($"--crops ({Crops}) must be a positive multiple of --batch ({BatchSize})");
        if (CropLength < 1 || CropLength % hop != 0) throw new ArgumentException($"--crop-length ({CropLength}) must be a positive multiple of the model's hop ({hop})");
        if (ReconstructCrops < 0) throw new ArgumentException($"--reconstruct-crops must be ≥ 0, got {ReconstructCrops}");
        if (ReconstructCrops > 0 && (ReconstructLength < 1024 || ReconstructLength % hop != 0))
            throw new ArgumentException($"--reconstruct-length ({ReconstructLength}) must be ≥ 1024 (the largest STFT) and a multiple of the hop ({hop})");
        if (Seed < 0) throw new ArgumentException($"--seed must be ≥ 0, got {Seed}");
        if (AudioSeconds <= 0) throw new ArgumentException($"--audio-seconds must be > 0, got {AudioSeconds}");
    }
}
