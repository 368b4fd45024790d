using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>
/// The parameter model shared by controller, processor and state: definitions (id = index) and the current
/// normalized values. The plug-in is a single component, so the UI thread (controller, state) and the audio
/// thread (processor) see one set of values; each value is a double read and written atomically (Volatile).
/// </summary>
public sealed class AdaParameters
{
    /// <summary>The Preset list's only entry when no preset file is installed.</summary>
    public const string NoPresets = "(no presets)";

    /// <summary>Upper bound of Variation offset.</summary>
    public const int MaxVariationOffset = 1023;

    /// <summary>Upper bound of Primer length (seconds); the primer recorder is sized for it.</summary>
    public const double MaxPrimerSeconds = 20;

    /// <summary>Upper bound of the Buffer depth display (milliseconds).</summary>
    public const double MaxBufferDepthMs = 10_000;

    /// <summary>Upper bound of the Underruns display.</summary>
    public const int MaxUnderruns = 100_000;

    private readonly ParameterDefinition[] _definitions;
    private readonly double[] _normalized;

    /// <summary>Creates the model with <paramref name="presetNames"/> as the Preset list (empty → "(no presets)"), at defaults.</summary>
    public AdaParameters(IReadOnlyList<string> presetNames)
    {
        _definitions =
        [
            PresetDefinition(presetNames),
            new()
            {
                Id = AdaParameterId.NoteMode, Title = "Note mode", ShortTitle = "Mode", Min = 0, Max = 1, StepCount = 1,
                DefaultPlain = (double)NoteMode.Variation, Flags = ParameterFlags.CanAutomate | ParameterFlags.IsList,
                Display = ParameterDisplay.Labels, Labels = ["Variation", "Pitch"],
            },
            new()
            {
                Id = AdaParameterId.RootKey, Title = "Root key", ShortTitle = "Root", Min = 0, Max = 127, StepCount = 127,
                DefaultPlain = 60, Display = ParameterDisplay.NoteName,
            },
            new()
            {
                Id = AdaParameterId.VariationOffset, Title = "Variation offset", ShortTitle = "VarOfs", Min = 0,
                Max = MaxVariationOffset, StepCount = MaxVariationOffset, DefaultPlain = 0,
            },
            new()
            {
                Id = AdaParameterId.Temperature, Title = "Temperature", ShortTitle = "Temp", Min = 0.1, Max = 2.0,
                DefaultPlain = 1.0, Decimals = 2,
            },
            new()
            {
                Id = AdaParameterId.OutputGain, Title = "Output gain", ShortTitle = "Gain", Units = "dB", Min = -60, Max = 12,
                DefaultPlain = 0, Decimals = 1,
            },
            new()
            {
                Id = AdaParameterId.PrimerCapture, Title = "Primer capture", ShortTitle = "Capture", Min = 0, Max = 1,
                StepCount = 1, DefaultPlain = 0, Display = ParameterDisplay.Labels, Labels = ["Idle", "Capture"],
            },
            new()
            {
                Id = AdaParameterId.PrimerLength, Title = "Primer length", ShortTitle = "PrimLen", Units = "s", Min = 1,
                Max = MaxPrimerSeconds, DefaultPlain = 8, Decimals = 1,
            },
            new()
            {
                Id = AdaParameterId.ServiceConnected, Title = "Service connected", ShortTitle = "Service", Min = 0, Max = 1,
                StepCount = 1, DefaultPlain = 0, Flags = ParameterFlags.IsReadOnly, Display = ParameterDisplay.Labels,
                Labels = ["No", "Yes"],
            },
            new()
            {
                Id = AdaParameterId.BufferDepth, Title = "Buffer depth", ShortTitle = "Buffer", Units = "ms", Min = 0,
                Max = MaxBufferDepthMs, DefaultPlain = 0, Flags = ParameterFlags.IsReadOnly,
            },
            new()
            {
                Id = AdaParameterId.Underruns, Title = "Underruns", ShortTitle = "Underrun", Min = 0, Max = MaxUnderruns,
                StepCount = MaxUnderruns, DefaultPlain = 0, Flags = ParameterFlags.IsReadOnly,
            },
            new()
            {
                Id = AdaParameterId.ModelChanged, Title = "Model changed since the project was saved", ShortTitle = "Model", Min = 0,
                Max = 1, StepCount = 1, DefaultPlain = 0, Flags = ParameterFlags.IsReadOnly, Display = ParameterDisplay.Labels,
                Labels = ["No", "Yes"],
            },
        ];
        _normalized = new double[_definitions.Length];
        ResetToDefaults();
    }

    /// <summary>The number of parameters.</summary>
    public int Count => _definitions.Length;

    /// <summary>The definition of <paramref name="id"/> (which must be valid).</summary>
    public ParameterDefinition this[AdaParameterId id] => Volatile.Read(ref _definitions[(int)id]);

    /// <summary>The name of the selected preset.</summary>
    public string PresetName => this[AdaParameterId.Preset].Format(GetPlain(AdaParameterId.Preset));

    /// <summary>The definition behind a host's parameter id, if it is one of ours.</summary>
    public bool TryGetDefinition(uint id, out ParameterDefinition definition)
    {
        definition = id < (uint)_definitions.Length ? this[(AdaParameterId)id] : null!;
        return definition is not null;
    }

    public double GetNormalized(AdaParameterId id) => Volatile.Read(ref _normalized[(int)id]);

    /// <summary>Stores a normalized value, clamped to 0..1 and snapped to the parameter's steps.</summary>
    public void SetNormalized(AdaParameterId id, double normalized) =>
        Volatile.Write(ref _normalized[(int)id], this[id].ToNormalized(this[id].ToPlain(normalized)));

    public double GetPlain(AdaParameterId id) => this[id].ToPlain(GetNormalized(id));

    public void SetPlain(AdaParameterId id, double plain) => Volatile.Write(ref _normalized[(int)id], this[id].ToNormalized(plain));

    /// <summary>Replaces the Preset list (at initialize), keeping the selected name where it is still installed.</summary>
    public void SetPresets(IReadOnlyList<string> presetNames)
    {
        var selected = PresetName;
        Volatile.Write(ref _definitions[(int)AdaParameterId.Preset], PresetDefinition(presetNames));
        SelectPreset(selected);
    }

    /// <summary>Selects the preset called <paramref name="name"/>; false (and the first preset) if it is not in the list.</summary>
    public bool SelectPreset(string name)
    {
        var labels = this[AdaParameterId.Preset].Labels;
        var index = IndexOf(labels, name);
        SetPlain(AdaParameterId.Preset, Math.Max(0, index));
        return index >= 0;
    }

    /// <summary>Every parameter back to its default.</summary>
    public void ResetToDefaults()
    {
        for (var i = 0; i < _definitions.Length; i++)
        {
            Volatile.Write(ref _normalized[i], _definitions[i].DefaultNormalized);
        }
    }

    private static int IndexOf(IReadOnlyList<string> labels, string name)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    private static ParameterDefinition PresetDefinition(IReadOnlyList<string> presetNames)
    {
        IReadOnlyList<string> labels = presetNames.Count == 0 ? [NoPresets] : presetNames;
        return new ParameterDefinition
        {
            Id = AdaParameterId.Preset, Title = "Preset", ShortTitle = "Preset", Min = 0, Max = labels.Count - 1,
            StepCount = labels.Count - 1, DefaultPlain = 0, Flags = ParameterFlags.CanAutomate | ParameterFlags.IsList,
            Display = ParameterDisplay.Labels, Labels = labels,
        };
    }
}
