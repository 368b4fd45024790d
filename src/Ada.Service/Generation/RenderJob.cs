using Ada.Inference;
using Ada.Service.Takes;

namespace Ada.Service.Generation;

/// <summary>
/// Takes of one model, temperatures and length generated together as the streams of one <see cref="HierarchySampler"/>
/// batch (stream b is take b; its samples do not depend on the batch, so the cache entries are interchangeable).
/// Dispose it when dropped: a device sampler's streams hold device memory.
/// </summary>
internal sealed class RenderJob : IDisposable
{
    private readonly List<TakeAudio> _takes = [];
    private HierarchySampler? _sampler;
    private int[] _tokens = [];

    /// <summary>A job for <paramref name="first"/>; more takes with the same batch key may join.</summary>
    public RenderJob(TakeAudio first)
    {
        BatchKey = first.Spec.BatchKey;
        Add(first);
    }

    /// <summary>What every take of the batch shares (model, temperatures, length, primer, sampler).</summary>
    public string BatchKey { get; }

    /// <summary>The takes, stream order.</summary>
    public IReadOnlyList<TakeAudio> Takes => _takes;

    /// <summary>Model-rate samples generated per stream.</summary>
    public long Position { get; private set; }

    /// <summary>True once every take is complete.</summary>
    public bool IsDone => Position >= _takes[0].Length;

    /// <summary>True while a worker is stepping the job; read and written under the scheduler's lock only.</summary>
    public bool Running { get; set; }

    /// <summary>Scheduler ticket of the last pick (-1: never picked); under the scheduler's lock only.</summary>
    public long LastServed { get; set; } = -1;

    /// <summary>Adds a take (same batch key); the batch restarts from sample 0, the regenerated prefix is skipped by each take.</summary>
    public void Add(TakeAudio take)
    {
        if (take.Spec.BatchKey != BatchKey) throw new ArgumentException($"{take.Spec} cannot join a batch of another model or settings", nameof(take));
        _takes.Add(take);
        DropSampler();
        Position = 0;
    }

    /// <summary>Frees the sampler's streams.</summary>
    public void Dispose() => DropSampler();

    /// <summary>Generates the next <paramref name="block"/> samples of every take; returns the samples generated over all streams.</summary>
    public long Step(int block)
    {
        _sampler ??= CreateSampler();
        int n = (int)Math.Min(block, _takes[0].Length - Position);
        if (_tokens.Length < n * _takes.Count) _tokens = new int[n * _takes.Count];
        _sampler.Generate(_tokens, n);   // (B, n): stream b at b × n
        for (int b = 0; b < _takes.Count; b++) _takes[b].Append(Position, _tokens.AsSpan(b * n, n));
        Position += n;
        return (long)n * _takes.Count;
    }

    private void DropSampler()
    {
        _sampler?.Dispose();
        _sampler = null;
    }

    /// <summary>
    /// A sampler with one stream per take, primed with the batch's primer (if any) as <c>ada render --primer</c> does; the
    /// first job of a primer encodes it here, on the worker.
    /// </summary>
    private HierarchySampler CreateSampler()
    {
        var spec = _takes[0].Spec;
        var sampler = new HierarchySampler(spec.Preset.Levels, _takes.Select(t => t.Spec.StreamSeed).ToArray(), spec.Preset.Temperatures);
        try
        {
            if (spec.PrimerCodes is { } codes) sampler.Prime(codes.Get());
            return sampler;
        }
        catch
        {
            sampler.Dispose();
            throw;
        }
    }
}
