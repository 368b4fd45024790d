namespace AdaPlugin.Service;

/// <summary>
/// What the instance's parameters make of its keys: the preset, seed and how a key maps to a take. A change of
/// any of it re-arms every take.
/// </summary>
/// <param name="Preset">The preset file the service loads.</param>
/// <param name="Seed">Take seed.</param>
/// <param name="Mode">Variation: key k plays variation k + offset; pitch: every key plays variation offset, transposed.</param>
/// <param name="VariationOffset">Added to the key (variation mode) or the variation itself (pitch mode).</param>
/// <param name="RootKey">The key that plays the take untransposed (pitch mode).</param>
/// <param name="ExpectedCheckpoint">The model hash the preset is known to resolve to (saved in the project, then as the service reported it), or "".</param>
/// <param name="Primer">The primer takes continue from, or null.</param>
/// <param name="Temperature">Scales the preset's per-level temperatures (the Temperature parameter).</param>
internal sealed record TakeRequest(PresetEntry Preset, ulong Seed, NoteMode Mode, int VariationOffset, int RootKey, string ExpectedCheckpoint,
    PrimerSnapshot? Primer, double Temperature)
{
    /// <summary>The variation <paramref name="key"/> plays.</summary>
    public int Variation(int key) => Mode == NoteMode.Variation ? key + VariationOffset : VariationOffset;

    /// <summary>Semitones <paramref name="key"/> transposes its take by.</summary>
    public int Transpose(int key) => Mode == NoteMode.Pitch ? key - RootKey : 0;
}
