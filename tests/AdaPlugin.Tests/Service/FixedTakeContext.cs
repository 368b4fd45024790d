namespace AdaPlugin.Tests.Service;

/// <summary>A take context without a component: one preset reference, as the service's model source knows it.</summary>
internal sealed class FixedTakeContext(string preset, ulong seed) : ITakeContext
{
    public PresetEntry? Preset { get; } = new(preset, preset, seed);

    public ulong Seed => seed;

    public string CheckpointHash => "";

    public PrimerRecorder? Recorder { get; init; }

    public PrimerSnapshot? Primer { get; set; }

    public UInt128 PlayedKeys { get; set; }
}
