namespace AdaPlugin;

/// <summary>What a take source needs to know about its instance to ask the service for takes (the component answers).</summary>
public interface ITakeContext
{
    /// <summary>The selected preset, or null when none is installed.</summary>
    PresetEntry? Preset { get; }

    /// <summary>The take seed: the saved state's, else the preset's.</summary>
    ulong Seed { get; }

    /// <summary>Which model a preset resolved to: the saved state's record, then what the service reported (null: none yet).</summary>
    CheckpointRecord? Checkpoint { get; }

    /// <summary>
    /// Records what the service reported (worker thread), unless the record is no longer <paramref name="seen"/> (a state
    /// applied meanwhile wins) or <paramref name="reported"/> is about another preset than the one the state saves; true when
    /// recorded.
    /// </summary>
    bool TryRecordCheckpoint(CheckpointRecord? seen, CheckpointRecord reported);

    /// <summary>The side-chain history while the Primer bus is active, else null.</summary>
    PrimerRecorder? Recorder { get; }

    /// <summary>The captured primer takes continue from (kept in the state), or null: set by the take source when a capture completes.</summary>
    PrimerSnapshot? Primer { get; set; }

    /// <summary>Keys whose takes were armed (bit k = MIDI key k; kept in the state): re-armed ahead of playback after a reload.</summary>
    UInt128 PlayedKeys { get; set; }
}
