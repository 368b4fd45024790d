namespace AdaPlugin;

/// <summary>What a MIDI key selects (see docs: architecture, MIDI).</summary>
public enum NoteMode
{
    /// <summary>The key number selects the variation, so each key is a distinct, reproducible stream.</summary>
    Variation = 0,

    /// <summary>Keys transpose the preset's take around the root key, like a sampler.</summary>
    Pitch = 1,
}
