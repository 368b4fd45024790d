namespace AdaPlugin;

/// <summary>
/// What getState saves: the preset by name (list positions change between installs), the take's identity
/// (seed, checkpoint hash, captured primer), the keys played (so a reopened project pre-renders their takes before
/// playback) and every other non-transient parameter as a plain value keyed by parameter id.
/// </summary>
public sealed record AdaState(string PresetName, ulong Seed, string CheckpointHash, IReadOnlyDictionary<uint, double> PlainValues,
    PrimerSnapshot? Primer = null, UInt128 PlayedKeys = default)
{
    /// <summary>The state of a fresh instance.</summary>
    public static AdaState Defaults { get; } = new(AdaParameters.NoPresets, 0, "", new Dictionary<uint, double>());
}
