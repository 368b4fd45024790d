using System.Runtime.CompilerServices;
using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>
/// The component: initialize (fills the Preset list), buses (MIDI in, stereo out, stereo "Primer" side-chain in),
/// activation, and the state blob. A single-component plug-in: hosts query IEditController from this same
/// object, so <see cref="GetControllerClassId"/> answers kNotImplemented. It is also the take context: which preset
/// file, seed and checkpoint the service is asked for.
/// </summary>
public sealed unsafe class AdaComponent(AdaParameters parameters, AdaProcessor processor, string? presetsFolder = null) : IVstComponent, ITakeContext
{
    private const int EventChannels = 16;
    private bool _initialized;
    private bool _primerActive;
    private string? _missingPreset;
    private double _fallbackPreset;
    private ulong _seed;
    private CheckpointRecord? _checkpoint;
    private IReadOnlyList<PresetEntry> _presets = [];
    private PrimerSnapshot? _primer;
    private StrongBox<UInt128> _playedKeys = new(default);

    /// <summary>The host's name from IHostApplication at initialize (null without a host context).</summary>
    public string? HostName { get; private set; }

    /// <summary>The hash of the model the saved preset resolves to, as getState saves it ("" when unknown).</summary>
    public string CheckpointHash => Checkpoint?.HashFor(SavedPresetName()) ?? "";

    /// <inheritdoc />
    public CheckpointRecord? Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>The seed a saved state pinned (0: none; the preset's seed is used).</summary>
    public ulong SavedSeed => _seed;

    /// <inheritdoc />
    public PresetEntry? Preset
    {
        get
        {
            var name = parameters.PresetName;
            foreach (var entry in Volatile.Read(ref _presets))
            {
                if (entry.Name == name)
                {
                    return entry;
                }
            }
            return null;
        }
    }

    /// <inheritdoc />
    public ulong Seed => _seed != 0 ? _seed : Preset?.Seed ?? 0;

    /// <inheritdoc />
    public PrimerRecorder? Recorder => processor.Primer;

    /// <inheritdoc />
    public UInt128 PlayedKeys
    {
        get => Volatile.Read(ref _playedKeys).Value; // a 128-bit value cannot be written atomically, a reference can
        set => Volatile.Write(ref _playedKeys, new StrongBox<UInt128>(value));
    }

    /// <inheritdoc />
    public PrimerSnapshot? Primer
    {
        get => Volatile.Read(ref _primer);
        set => Volatile.Write(ref _primer, value);
    }

    /// <inheritdoc />
    public bool TryRecordCheckpoint(CheckpointRecord? seen, CheckpointRecord reported) =>
        reported.Preset == SavedPresetName() && ReferenceEquals(Interlocked.CompareExchange(ref _checkpoint, reported, seen), seen);

    /// <inheritdoc />
    public int Initialize(void* context)
    {
        if (_initialized)
        {
            return TResult.False;
        }
        HostName = IHostApplication.NameOf(context);
        var folder = PresetCatalog.ResolveFolder(presetsFolder);
        var presets = PresetCatalog.LoadEntries(folder);
        Volatile.Write(ref _presets, presets);
        parameters.SetPresets([.. presets.Select(p => p.Name)]);
        PluginLog.Info($"AdaPlugin: initialized in {HostName ?? "a host without IHostApplication"}; {presets.Count} presets in {folder}");
        _initialized = true;
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int Terminate()
    {
        if (processor.IsActive)
        {
            processor.Deactivate();
        }
        _initialized = false;
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetControllerClassId(out Tuid classId)
    {
        classId = default;
        return TResult.NotImplemented;
    }

    /// <inheritdoc />
    public int SetIoMode(int mode) => TResult.NotImplemented;

    /// <inheritdoc />
    public int GetBusCount(MediaType type, BusDirection direction) => (type, direction) switch
    {
        (MediaType.Audio, BusDirection.Input) => 1,
        (MediaType.Audio, BusDirection.Output) => 1,
        (MediaType.Event, BusDirection.Input) => 1,
        _ => 0,
    };

    /// <inheritdoc />
    public int GetBusInfo(MediaType type, BusDirection direction, int index, ref BusInfo info)
    {
        if (index != 0 || GetBusCount(type, direction) == 0)
        {
            return TResult.InvalidArgument;
        }
        info.MediaType = type;
        info.Direction = direction;
        (info.ChannelCount, info.BusType, info.Flags, var name) = (type, direction) switch
        {
            (MediaType.Event, _) => (EventChannels, BusType.Main, BusFlags.DefaultActive, "MIDI In"),
            (MediaType.Audio, BusDirection.Output) => (2, BusType.Main, BusFlags.DefaultActive, "Output"),
            _ => (2, BusType.Aux, BusFlags.None, "Primer"),
        };
        info.Name.Set(name);
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetRoutingInfo(in RoutingInfo input, ref RoutingInfo output) => TResult.NotImplemented;

    /// <inheritdoc />
    public int ActivateBus(MediaType type, BusDirection direction, int index, bool state)
    {
        if (index != 0 || GetBusCount(type, direction) == 0)
        {
            return TResult.InvalidArgument;
        }
        if (type == MediaType.Audio && direction == BusDirection.Input)
        {
            _primerActive = state; // the only bus whose state matters: it decides whether setActive allocates the primer ring
        }
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int SetActive(bool state)
    {
        if (state)
        {
            processor.Activate(_primerActive);
            PluginLog.Info($"AdaPlugin: active at {processor.SampleRate} Hz, blocks up to {processor.MaxSamplesPerBlock}, " +
                $"{processor.Mode} mode, primer {(_primerActive ? "on" : "off")}");
        }
        else if (processor.IsActive)
        {
            processor.Deactivate();
            PluginLog.Info($"AdaPlugin: inactive after {processor.Blocks} blocks, {processor.OfflineBlocks} of them offline");
        }
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetState(BStream state) => state.Write(AdaStateSerializer.Write(Capture())) ? TResult.Ok : TResult.False;

    /// <inheritdoc />
    public int SetState(BStream state)
    {
        Span<byte> header = stackalloc byte[AdaStateSerializer.HeaderSize];
        var read = state.Read(header);
        if (!AdaStateSerializer.TryGetTotalSize(header[..read], out var total, out var problem))
        {
            return RejectState(problem);
        }
        var blob = new byte[total];
        header.CopyTo(blob);
        var rest = state.Read(blob.AsSpan(AdaStateSerializer.HeaderSize));
        if (!AdaStateSerializer.TryParse(blob.AsSpan(0, AdaStateSerializer.HeaderSize + rest), out var restored, out problem))
        {
            return RejectState(problem);
        }
        Apply(restored);
        PluginLog.Info($"AdaPlugin: state v{AdaStateSerializer.Version} restored (preset '{restored.PresetName}', " +
            $"variation offset {parameters.GetPlain(AdaParameterId.VariationOffset)}, gain {parameters.GetPlain(AdaParameterId.OutputGain)} dB)");
        return TResult.Ok;
    }

    /// <summary>The state as getState would write it.</summary>
    public AdaState Capture()
    {
        var values = new Dictionary<uint, double>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var d = parameters[(AdaParameterId)i];
            if (d.Id is not (AdaParameterId.Preset or AdaParameterId.PrimerCapture) && !d.IsReadOnly)
            {
                values[(uint)d.Id] = parameters.GetPlain(d.Id);
            }
        }
        var presetName = SavedPresetName();
        return new AdaState(presetName, _seed, Checkpoint?.HashFor(presetName) ?? "", values, Primer, PlayedKeys);
    }

    /// <summary>The preset getState saves: a preset from a loaded state that is not installed here stays until the user picks another.</summary>
    private string SavedPresetName() =>
        _missingPreset is { } missing && parameters.GetNormalized(AdaParameterId.Preset) == _fallbackPreset ? missing : parameters.PresetName;

    /// <summary>
    /// Applies a state: unknown ids are ignored, missing ones take their defaults, read-only (status) parameters are
    /// left alone. Each value is written once, so a concurrent process block never sees a transient default.
    /// </summary>
    public void Apply(AdaState state)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var d = parameters[(AdaParameterId)i];
            if (d.IsReadOnly || d.Id == AdaParameterId.Preset)
            {
                continue;
            }
            var plain = d.DefaultPlain;
            if (d.Id != AdaParameterId.PrimerCapture && state.PlainValues.TryGetValue((uint)d.Id, out var saved))
            {
                plain = saved;
            }
            parameters.SetPlain(d.Id, plain);
        }
        _missingPreset = null;
        if (!parameters.SelectPreset(state.PresetName))
        {
            _missingPreset = state.PresetName;
            _fallbackPreset = parameters.GetNormalized(AdaParameterId.Preset);
            PluginLog.Warn($"AdaPlugin: preset '{state.PresetName}' from the saved state is not installed; kept in the state, playing '{parameters.PresetName}'");
        }
        _seed = state.Seed;
        Volatile.Write(ref _checkpoint, new CheckpointRecord(state.PresetName, state.CheckpointHash));
        Primer = state.Primer;
        PlayedKeys = state.PlayedKeys;
    }

    private int RejectState(string problem)
    {
        PluginLog.Warn($"AdaPlugin: saved state ignored ({problem}); using defaults");
        Apply(AdaState.Defaults with { PresetName = parameters[AdaParameterId.Preset].Labels[0] });
        return TResult.False;
    }
}
