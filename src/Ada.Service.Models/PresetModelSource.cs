using Ada.Inference;
using Ada.Inference.Kernels;
using Ada.Models;
using Ada.Presets;
using Ada.Protocol.Messages;
using TorchDevice = TorchSharp.torch.Device;

namespace Ada.Service.Models;

/// <summary>
/// The real <see cref="ITakeModelSource"/>: presets (presets/*.json) through <see cref="PresetLoader"/>, their models through
/// <see cref="ModelBundle.Load"/>, primers through <see cref="PrimerEncoder"/>. Presets and models (packed for the CPU sampler,
/// or copied to a torch device) are cached per file and reloaded when the file changes; a replaced model's levels are freed as
/// soon as no render job leases them (<see cref="LoadedModel"/>). Dispose it once the service has stopped: it frees the rest.
/// </summary>
public sealed class PresetModelSource : ITakeModelSource, IDisposable
{
    private readonly string? _folder;
    private readonly KernelPath _kernel;
    private readonly TorchDevice? _device;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTime Stamp, ResolvedPreset Preset)> _presets = new();
    private readonly Dictionary<string, (DateTime Stamp, ModelBundle Bundle, LoadedModel Model)> _models = new();
    private readonly Dictionary<string, ModelBundle> _bundlesByHash = new();
    private readonly Lock _encoderLock = new();
    private bool _disposed;

    /// <summary>
    /// Resolves names in <paramref name="presetsFolder"/> (null: only paths) with the fast CPU sampler's widest kernels
    /// (or <paramref name="kernel"/>), or with <see cref="TorchFastWaveNet"/> on <paramref name="device"/> (see <see cref="SamplerDevice.Parse"/>).
    /// </summary>
    public PresetModelSource(string? presetsFolder, KernelPath? kernel = null, TorchDevice? device = null)
    {
        _folder = presetsFolder is null ? null : Path.GetFullPath(presetsFolder);
        _kernel = kernel ?? KernelPaths.Best;
        _device = device;
        Device = SamplerDevice.Name(device, _kernel);
    }

    /// <inheritdoc />
    public string Device { get; }

    /// <summary>Frees the device copies of the models loaded (nothing for the CPU sampler), each once no render job leases it.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var (_, _, model) in _models.Values) model.Retire();
            _models.Clear();
            _presets.Clear();
        }
    }

    /// <inheritdoc />
    public ResolvedPreset Resolve(string preset)
    {
        string file = FindFile(preset) ?? throw NotFound($"preset '{preset}' is neither a preset file nor a preset name in {_folder ?? "(no presets folder)"}");
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stamp = File.GetLastWriteTimeUtc(file);
            if (_presets.TryGetValue(file, out var cached) && cached.Stamp == stamp) return cached.Preset;
            var resolved = Load(file);
            _presets[file] = (stamp, resolved);
            return resolved;
        }
    }

    private ResolvedPreset Load(string file)
    {
        var preset = Guard(() => PresetLoader.Load(file));
        Guard(() => PresetLoader.CheckAgainstModel(preset, null));
        var (hash, model) = LoadModel(preset.ModelPath);
        if (preset.Model.Hash is { } expected && !string.Equals(expected, hash, StringComparison.OrdinalIgnoreCase))
            throw new ModelSourceException(ErrorCode.CheckpointMismatch, $"preset {file}: model.hash expects {expected} but {preset.ModelPath} has {hash}");
        Guard(() => PresetLoader.CheckAgainstModel(preset, model.Levels.Count));
        return new ResolvedPreset(preset.Name, hash, model.Levels, preset.Sampling.Temperatures, preset.Length.Seconds, preset.Sampling.Seed, model);
    }

    /// <inheritdoc />
    public IReadOnlyList<int[]> EncodePrimer(ResolvedPreset preset, float[] audio16k)
    {
        ModelBundle? bundle;
        lock (_lock) _bundlesByHash.TryGetValue(preset.ModelHash, out bundle);
        if (bundle is null) throw new ModelSourceException(ErrorCode.BadRequest, $"preset '{preset.Name}': model {preset.ModelHash} was not loaded by this source");
        try
        {
            lock (_encoderLock) return PrimerEncoder.Encode(bundle, audio16k); // One TorchSharp forward at a time: it uses every core anyway.
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
        {
            throw new ModelSourceException(ErrorCode.BadRequest, $"preset '{preset.Name}': cannot encode the primer: {e.Message}", e);
        }
    }

    private (string Hash, LoadedModel Model) LoadModel(string manifest)
    {
        var stamp = File.GetLastWriteTimeUtc(manifest);
        bool known = _models.TryGetValue(manifest, out var cached);
        if (known && cached.Stamp == stamp) return (cached.Bundle.Hash, cached.Model);
        var bundle = Guard(() => ModelBundle.Load(manifest));
        var model = new LoadedModel(SamplerDevice.Levels(bundle.Weights, _device, _kernel));
        _models[manifest] = (stamp, bundle, model);
        _bundlesByHash[bundle.Hash] = bundle;
        if (known) Replace(cached.Model);
        return (bundle.Hash, model);
    }

    /// <summary>
    /// Gives up the source's reference to a model a reload replaced (its levels go once the last render job using them ends)
    /// and forgets the presets resolved to it, so other presets of the same model resolve to the new one.
    /// </summary>
    private void Replace(LoadedModel old)
    {
        foreach (var (file, _) in _presets.Where(p => p.Value.Preset.Model == old).ToArray()) _presets.Remove(file);
        old.Retire();
    }

    /// <summary>A path (absolute, or relative to the presets folder), <c>{folder}/{name}.json</c>, or the preset whose "name" matches.</summary>
    private string? FindFile(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        if (Path.IsPathRooted(reference)) return File.Exists(reference) ? Path.GetFullPath(reference) : null;
        if (_folder is null || !Directory.Exists(_folder)) return null;
        foreach (var candidate in new[] { Path.Combine(_folder, reference), Path.Combine(_folder, reference + ".json") })
            if (candidate.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(candidate)) return Path.GetFullPath(candidate);
        return Directory.EnumerateFiles(_folder, "*.json").Order(StringComparer.Ordinal).FirstOrDefault(f => HasName(f, reference));
    }

    private static bool HasName(string file, string name)
    {
        try { return string.Equals(PresetLoader.Load(file).Name, name, StringComparison.OrdinalIgnoreCase); }
        catch (PresetException) { return false; } // Not a preset (e.g. the schema): not the one asked for.
    }

    private static T Guard<T>(Func<T> load)
    {
        try { return load(); }
        catch (Exception e) when (e is PresetException or CheckpointException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            throw NotFound(e.Message, e);
        }
    }

    private static void Guard(Action check) => Guard(() => { check(); return 0; });

    private static ModelSourceException NotFound(string message, Exception? inner = null) => new(ErrorCode.PresetNotFound, message, inner);
}
