namespace AdaPlugin.Tests.Service;

/// <summary>A take context without a component: one preset reference, as the service's model source knows it.</summary>
internal sealed class FixedTakeContext(string preset, ulong seed) : ITakeContext
{
    public PresetEntry? Preset { get; } = new(preset, preset, seed);

    public ulong Seed => seed;

    private CheckpointRecord? _checkpoint;

    public CheckpointRecord? Checkpoint
    {
        get => Volatile.Read(ref _checkpoint);
        init => _checkpoint = value;
    }

    public bool TryRecordCheckpoint(CheckpointRecord? seen, CheckpointRecord reported) =>
        reported.Preset == Preset!.Name && ReferenceEquals(Interlocked.CompareExchange(ref _checkpoint, reported, seen), seen);

    public PrimerRecorder? Recorder { get; init; }

    public PrimerSnapshot? Primer { get; set; }

    public UInt128 PlayedKeys { get; set; }
}
