namespace AdaPlugin;

/// <summary>What a take source needs to know about its instance to ask the service for takes (the component answers).</summary>
public interface ITakeContext
{
    /// <summary>The selected preset, or null when none is installed.</summary>
    PresetEntry? Preset { get; }

    /// <summary>The take seed: the saved state's, else the preset's.</summary>
    ulong Seed { get; }

    /// <summary>Checkpoint hash the saved state expects ("" when none).</summary>
    string CheckpointHash { get; }
}
