using Ada.Protocol.Messages;
using Ada.Service.Models;

namespace Ada.Service.Tests.Support;

/// <summary>Presets of tiny random models by name.</summary>
public sealed class TinyModelSource(params ResolvedPreset[] presets) : ITakeModelSource
{
    private readonly Dictionary<string, ResolvedPreset> _presets = presets.ToDictionary(p => p.Name);

    public static TinyModelSource Default() => new(TinyModels.Preset());

    public ResolvedPreset Resolve(string preset) =>
        _presets.TryGetValue(preset, out var resolved) ? resolved
            : throw new ModelSourceException(ErrorCode.PresetNotFound, $"no tiny preset named '{preset}'");
}
