namespace AdaPlugin;

/// <summary>
/// Which model a preset resolved to, as the instance knows it: first from the saved state, then from the service's answer to
/// LoadPreset. Immutable, so the service worker hands a new one to the component with one reference write.
/// </summary>
/// <param name="Preset">The preset name the hash belongs to (it says nothing about another preset's model).</param>
/// <param name="Hash">The model's content hash, lower-case hex ("" when unknown).</param>
/// <param name="ChangedSinceSaved">The service resolved the preset to another model than the one the loaded project recorded.</param>
public sealed record CheckpointRecord(string Preset, string Hash, bool ChangedSinceSaved = false)
{
    /// <summary>The hash to expect when loading <paramref name="preset"/>: this record's if it is about that preset, else "".</summary>
    public string HashFor(string preset) => Preset == preset ? Hash : "";
}
