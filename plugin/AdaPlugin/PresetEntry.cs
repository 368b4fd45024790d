namespace AdaPlugin;

/// <summary>An installed preset: its name (what the Preset parameter lists), its file and its default take seed.</summary>
/// <param name="Name">The preset's "name".</param>
/// <param name="Path">Absolute path of the preset file, which the service is asked to load.</param>
/// <param name="Seed">The preset's sampling seed (0 when it names none).</param>
public sealed record PresetEntry(string Name, string Path, ulong Seed);
