using Ada.Inference;

namespace Ada.Service.Models;

/// <summary>
/// A model's levels as a model source loaded them, freed by reference count: the source holds one reference until it replaces
/// the model (a reload) or is disposed, and every take waiting for or in a render job holds a lease; the last release disposes
/// the levels that are <see cref="IDisposable"/> (a torch device's weights; the CPU sampler's levels have nothing to free).
/// </summary>
public sealed class LoadedModel
{
    private readonly Lock _lock = new();
    private int _references = 1; // The source's own.
    private bool _retired;

    /// <summary>Levels the source holds (its reference) until <see cref="Retire"/>.</summary>
    public LoadedModel(IReadOnlyList<IIncrementalWaveNet> levels) => Levels = levels;

    /// <summary>The levels, top first.</summary>
    public IReadOnlyList<IIncrementalWaveNet> Levels { get; }

    /// <summary>True once the levels are disposed: nothing can sample with them any more.</summary>
    public bool IsFreed
    {
        get { lock (_lock) return _references == 0; }
    }

    /// <summary>A lease that keeps the levels until it is disposed; null when they are freed already.</summary>
    public IDisposable? TryLease()
    {
        lock (_lock)
        {
            if (_references == 0) return null;
            _references++;
        }
        return new Lease(this);
    }

    /// <summary>Ends the source's reference (the model was replaced or the source disposed); the levels go now unless leased. Idempotent.</summary>
    public void Retire()
    {
        lock (_lock)
        {
            if (_retired) return;
            _retired = true;
        }
        Release();
    }

    private void Release()
    {
        lock (_lock)
        {
            if (--_references > 0) return;
        }
        // Reached exactly once: at zero TryLease refuses, so no reference can come back.
        foreach (var level in Levels) (level as IDisposable)?.Dispose();
    }

    private sealed class Lease(LoadedModel model) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) model.Release();
        }
    }
}
