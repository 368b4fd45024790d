namespace Ada.Service.Models;

/// <summary>
/// Resolves a preset reference (name or path, as a client sends it) to what a take needs: the model's identity,
/// its packed levels and the sampling settings, and encodes primers into the model's codes. Keeps the service independent
/// of how presets and checkpoints are stored (and of TorchSharp, which the level encoders need).
/// </summary>
public interface ITakeModelSource
{
    /// <summary>What the levels sample on, as Hello and Status report it: e.g. "cpu (Vector512)" or "cuda:0 (TorchSharp)".</summary>
    string Device { get; }

    /// <summary>The resolved preset; throws <see cref="ModelSourceException"/> when it cannot be found or loaded. Called from several threads.</summary>
    ResolvedPreset Resolve(string preset);

    /// <summary>
    /// Encodes primer audio (mono, <see cref="ResolvedPreset.ModelSampleRate"/>) into the token sequences of every level of
    /// <paramref name="preset"/>'s model, top first, ready for <c>HierarchySampler.Prime</c>; a pure function of the model and
    /// the audio. Throws <see cref="ModelSourceException"/> (<c>BadRequest</c>) when the primer cannot be encoded. Called from several threads.
    /// </summary>
    IReadOnlyList<int[]> EncodePrimer(ResolvedPreset preset, float[] audio16k);
}
