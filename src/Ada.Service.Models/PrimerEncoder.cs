using Ada.Models;
using static TorchSharp.torch;

namespace Ada.Service.Models;

/// <summary>
/// Turns primer audio into every level's token sequence with the levels' encoders (TorchSharp forward). Used by
/// <c>ada render --primer</c> and by the service (<see cref="PresetModelSource"/>), so a take continued from a primer is the
/// same audio either way.
/// </summary>
public static class PrimerEncoder
{
    /// <summary>
    /// Encodes the last whole number of top-level frames of <paramref name="audio16k"/>; returns the token
    /// sequences top first (the prior's, …, the bottom decoder's audio classes), ready for HierarchySampler.Prime.
    /// Throws <see cref="InvalidDataException"/> when the primer is shorter than one top-level frame or a level has no encoder.
    /// </summary>
    public static IReadOnlyList<int[]> Encode(ModelBundle model, float[] audio16k)
    {
        int frame = model.SamplesPerTopFrame;
        int usable = audio16k.Length / frame * frame;
        if (usable == 0) throw new InvalidDataException($"primer is shorter than one top-level frame ({frame} samples at 16 kHz)");
        var classes = new byte[usable];
        Ada.Audio.MuLaw.Encode(audio16k.AsSpan(audio16k.Length - usable), classes);

        TorchRuntime.EnsureLoaded();
        using var _ = no_grad();
        // the scope also keeps every temporary reachable until its native call has returned (TorchSharp frees unreachable ones from the finalizer)
        using var scope = NewDisposeScope();
        var sequences = new List<int[]> { classes.Select(c => (int)c).ToArray() };
        var tokens = tensor(classes, dtype: ScalarType.Byte).to_type(ScalarType.Int64).reshape(1, usable);
        // every level but the top prior has an encoder; walk them bottom-up
        for (int i = model.Checkpoints.Count - 1; i >= 1; i--)
        {
            using var level = model.Checkpoints[i].CreateModel() as AdaLevel
                ?? throw new InvalidDataException($"{model.Checkpoints[i].Path}: level without an encoder cannot encode a primer");
            level.eval();
            tokens = level.Encode(tokens);
            sequences.Insert(0, tokens.data<long>().ToArray().Select(t => (int)t).ToArray());
        }
        return sequences;
    }
}
