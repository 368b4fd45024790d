namespace Ada.Service.Models;

/// <summary>
/// Resolves a preset reference (name or path, as a client sends it) to what a take needs: the model's identity,
/// its packed levels and the sampling settings. Keeps the service independent of how presets and checkpoints are stored.
/// </summary>
public interface ITakeModelSource
{
    /// <summary>The resolved preset; throws <see cref="ModelSourceException"/> when it cannot be found or loaded. Called from several threads.</summary>
    ResolvedPreset Resolve(string preset);
}
