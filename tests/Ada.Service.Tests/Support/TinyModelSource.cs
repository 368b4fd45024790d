using Ada.Audio;
using Ada.Protocol.Messages;
using Ada.Service.Models;

namespace Ada.Service.Tests.Support;

/// <summary>Presets of tiny random models by name, with a stand-in primer encoder (the tiny random levels have no encoders).</summary>
public sealed class TinyModelSource(params ResolvedPreset[] presets) : ITakeModelSource
{
    private readonly Dictionary<string, ResolvedPreset> _presets = presets.ToDictionary(p => p.Name);

    public static TinyModelSource Default() => new(TinyModels.Preset());

    public string Device => $"cpu ({TinyModels.Levels[0].Backend})";

    public ResolvedPreset Resolve(string preset) =>
        _presets.TryGetValue(preset, out var resolved) ? resolved
            : throw new ModelSourceException(ErrorCode.PresetNotFound, $"no tiny preset named '{preset}'");

    public IReadOnlyList<int[]> EncodePrimer(ResolvedPreset preset, float[] audio16k) => Encode(preset, audio16k);

    /// <summary>
    /// Deterministic stand-in codes: the bottom level's are the mu-law classes of the last whole top-level frames, each higher
    /// level's code is the first code of its frame below, modulo that level's classes.
    /// </summary>
    public static IReadOnlyList<int[]> Encode(ResolvedPreset preset, float[] audio16k)
    {
        int frame = preset.SamplesPerTopFrame;
        int usable = audio16k.Length / frame * frame;
        if (usable == 0) throw new ModelSourceException(ErrorCode.BadRequest, $"primer is shorter than one top-level frame ({frame} samples at 16 kHz)");
        var classes = new byte[usable];
        MuLaw.Encode(audio16k.AsSpan(audio16k.Length - usable), classes);
        var codes = new List<int[]> { classes.Select(c => (int)c).ToArray() };
        for (int i = preset.Levels.Count - 2; i >= 0; i--)
        {
            int hop = preset.Levels[i + 1].Spec.Hop, classesAbove = preset.Levels[i].Spec.Classes;
            var below = codes[0];
            codes.Insert(0, Enumerable.Range(0, below.Length / hop).Select(t => below[t * hop] % classesAbove).ToArray());
        }
        return codes;
    }
}
