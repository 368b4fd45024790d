using Ada.Inference;

namespace Ada.Service.Models;

/// <summary>A preset ready to render: its model (identity and levels, top first) and sampling settings.</summary>
/// <param name="Name">Display name.</param>
/// <param name="ModelHash">The model's content hash (lower-case hex); part of every take's identity.</param>
/// <param name="Levels">Incremental WaveNets (packed for the CPU or on a torch device), top prior first, bottom level producing 256 mu-law classes.</param>
/// <param name="Temperatures">One per level, top first.</param>
/// <param name="Seconds">Take length.</param>
/// <param name="Seed">The preset's default seed (used for note-on pre-renders before any ArmTake).</param>
/// <param name="Model">
/// The reference-counted owner of <paramref name="Levels"/> when the source frees replaced models (render jobs lease it);
/// null when the levels need no freeing (they live as long as the preset).
/// </param>
public sealed record ResolvedPreset(string Name, string ModelHash, IReadOnlyList<IIncrementalWaveNet> Levels, IReadOnlyList<float> Temperatures,
    double Seconds, ulong Seed, LoadedModel? Model = null)
{
    /// <summary>Sample rate of every model's audio level.</summary>
    public const int ModelSampleRate = 16_000;

    /// <summary>Longest take (the preset schema's limit).</summary>
    public const double MaxSeconds = 3600;

    /// <summary>Model-rate samples per top-level code (the product of the lower levels' hops): the shortest primer that encodes.</summary>
    public int SamplesPerTopFrame => Levels.Skip(1).Aggregate(1, (product, level) => product * level.Spec.Hop);

    /// <summary>Take length in model-rate samples, round(seconds × 16 kHz) as <c>ada render</c> computes it.</summary>
    public long LengthSamples => (long)Math.Round(Seconds * ModelSampleRate);

    /// <summary>Null when the preset can render takes, else what is wrong (naming the preset and field).</summary>
    public string? Problem() =>
        Levels.Count == 0 ? $"preset '{Name}': the model has no levels"
        : Temperatures.Count != Levels.Count ? $"preset '{Name}': sampling.temperatures has {Temperatures.Count} values, the model has {Levels.Count} levels"
        : Temperatures.Any(t => !float.IsFinite(t) || t < 0) ? $"preset '{Name}': sampling.temperatures must be finite and ≥ 0"
        : Levels[^1].Spec.Classes != 256 ? $"preset '{Name}': the bottom level has {Levels[^1].Spec.Classes} classes, mu-law audio needs 256"
        : Levels.Any(l => l.Backend != Levels[0].Backend) ? $"preset '{Name}': levels use different samplers ({string.Join(", ", Levels.Select(l => l.Backend).Distinct())})"
        : !(Seconds > 0 && Seconds <= MaxSeconds) || LengthSamples < 1 ? $"preset '{Name}': length.seconds {Seconds} is outside (0, {MaxSeconds}]"
        : string.IsNullOrEmpty(ModelHash) ? $"preset '{Name}': the model hash is empty"
        : null;

    /// <summary>Null when <paramref name="codes"/> (top first) can prime this preset's hierarchy, else what is wrong.</summary>
    public string? PrimerProblem(IReadOnlyList<int[]> codes)
    {
        if (codes.Count != Levels.Count) return $"preset '{Name}': the primer has codes of {codes.Count} levels, the model has {Levels.Count}";
        if (codes[0].Length == 0) return $"preset '{Name}': the primer encodes to no top-level codes";
        for (int i = 0; i < codes.Count; i++)
        {
            var spec = Levels[i].Spec;
            if (i > 0 && codes[i].Length != (long)codes[i - 1].Length * spec.Hop)
                return $"preset '{Name}': primer level {i} has {codes[i].Length} codes, expected {codes[i - 1].Length} × hop {spec.Hop}";
            if (codes[i].Any(c => c < 0 || c >= spec.Classes))
                return $"preset '{Name}': primer level {i} has a code outside 0..{spec.Classes - 1}";
        }
        return null;
    }
}
