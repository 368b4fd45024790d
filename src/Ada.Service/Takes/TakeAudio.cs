namespace Ada.Service.Takes;

/// <summary>
/// A take's audio as model-rate mu-law classes, in chunks, growing from sample 0 as it is generated or read from disk.
/// One writer (the render job or the disk load) appends; any thread reads the prefix below <see cref="Available"/>.
/// Complete chunks are written through to the disk cache.
/// </summary>
internal sealed class TakeAudio
{
    private readonly byte[]?[] _chunks;
    private readonly TakeDiskCache? _disk;
    private readonly ServiceMetrics _metrics;
    private readonly Action<string> _log;
    private readonly List<ITakeInterest> _interests = [];
    private long _available;
    private int _chunksOnDisk;
    private volatile string? _error;
    private IDisposable? _modelLease;

    /// <summary>An empty take; call <see cref="LoadFromDisk"/> before sharing it.</summary>
    public TakeAudio(TakeSpec spec, int chunkSamples, TakeDiskCache? disk, ServiceMetrics metrics, Action<string> log)
    {
        Spec = spec;
        ChunkSamples = chunkSamples;
        _disk = disk;
        _metrics = metrics;
        _log = log;
        _chunks = new byte[]?[(int)((spec.LengthSamples + chunkSamples - 1) / chunkSamples)];
    }

    /// <summary>What the take is.</summary>
    public TakeSpec Spec { get; }

    /// <summary>Model-rate samples per chunk.</summary>
    public int ChunkSamples { get; }

    /// <summary>Model-rate samples in the whole take.</summary>
    public long Length => Spec.LengthSamples;

    /// <summary>Samples 0..Available−1 are final and readable.</summary>
    public long Available => Volatile.Read(ref _available);

    /// <summary>True once every sample is available.</summary>
    public bool IsComplete => Available == Length;

    /// <summary>Why generation failed, or null.</summary>
    public string? Error => _error;

    /// <summary>Bytes held in memory.</summary>
    public long MemoryBytes => Math.Min(Length, (long)_chunks.Count(c => c is not null) * ChunkSamples);

    /// <summary>True while a render job owns the take (waiting or generating); read and written under the scheduler's lock only.</summary>
    internal bool HasJob { get; private set; }

    /// <summary>True when the take is incomplete and its model was freed (replaced by a reload): it can never be generated further.</summary>
    internal bool Orphaned => !IsComplete && Spec.Preset.Model is { IsFreed: true };

    /// <summary>
    /// Gives the take to a render job, leasing its model until <see cref="EndJob"/> so a reload cannot free the levels under the
    /// sampler; false (the take fails) when the model is freed already. Under the scheduler's lock only.
    /// </summary>
    internal bool TryStartJob()
    {
        if (Spec.Preset.Model is { } model && (_modelLease = model.TryLease()) is null)
        {
            Fail($"{Spec}: its model was replaced by a reload before generation started; arm the take again");
            return false;
        }
        HasJob = true;
        return true;
    }

    /// <summary>Takes the take from its render job and ends the job's lease on the model (the last lease of a replaced model frees it).</summary>
    internal void EndJob()
    {
        HasJob = false;
        _modelLease?.Dispose();
        _modelLease = null;
    }

    /// <summary>Reads the longest prefix of valid chunks from the disk cache.</summary>
    public void LoadFromDisk()
    {
        if (_disk is null) return;
        for (int c = 0; c < _chunks.Length; c++)
        {
            var chunk = new byte[ChunkLength(c)];
            if (!_disk.TryRead(Spec.Key, c, chunk)) break;
            _chunks[c] = chunk;
            _chunksOnDisk = c + 1;
            Volatile.Write(ref _available, (long)c * ChunkSamples + chunk.Length);
            _metrics.AddChunkRead();
        }
    }

    /// <summary>Copies classes from <paramref name="start"/> on into <paramref name="destination"/>; returns how many were available.</summary>
    public int Read(long start, Span<byte> destination)
    {
        int count = (int)Math.Clamp(Available - start, 0, destination.Length);
        for (int done = 0; done < count;)
        {
            long at = start + done;
            int c = (int)(at / ChunkSamples), offset = (int)(at % ChunkSamples);
            int n = Math.Min(count - done, ChunkLength(c) - offset);
            _chunks[c].AsSpan(offset, n).CopyTo(destination[done..]);
            done += n;
        }
        return count;
    }

    /// <summary>
    /// Appends generated tokens for samples <paramref name="position"/>.. (a restarted batch regenerates a prefix: the part
    /// already available is skipped, it is the same audio). Single writer.
    /// </summary>
    public void Append(long position, ReadOnlySpan<int> tokens)
    {
        long available = Available;
        if (position > available) throw new InvalidOperationException($"{Spec}: append at {position} would leave a gap after {available}");
        long end = Math.Min(position + tokens.Length, Length);
        for (long at = available; at < end;)
        {
            int c = (int)(at / ChunkSamples), offset = (int)(at % ChunkSamples);
            var chunk = _chunks[c] ??= new byte[ChunkLength(c)];
            int n = (int)Math.Min(end - at, chunk.Length - offset);
            for (int i = 0; i < n; i++) chunk[offset + i] = (byte)tokens[(int)(at - position) + i];
            at += n;
        }
        if (end > available) Volatile.Write(ref _available, end);
        WriteThrough(end);
    }

    /// <summary>Marks the take failed (generation threw); feeders report it and play silence.</summary>
    public void Fail(string error) => _error = error;

    /// <summary>Registers someone who needs the take.</summary>
    public void AddInterest(ITakeInterest interest)
    {
        lock (_interests) _interests.Add(interest);
    }

    /// <summary>Removes an interest; true when none is left.</summary>
    public bool RemoveInterest(ITakeInterest interest)
    {
        lock (_interests)
        {
            _interests.Remove(interest);
            return _interests.Count == 0;
        }
    }

    /// <summary>The most urgent interest's urgency and client (<see cref="TakeUrgency.None"/> when nobody is interested).</summary>
    public (TakeUrgency Urgency, int ClientId) MostUrgent()
    {
        lock (_interests)
        {
            var best = (Urgency: TakeUrgency.None, ClientId: -1);
            foreach (var interest in _interests)
                if (interest.UrgencyFor(this) is var u && u < best.Urgency) best = (u, interest.ClientId);
            return best;
        }
    }

    private int ChunkLength(int c) => (int)Math.Min(ChunkSamples, Length - (long)c * ChunkSamples);

    private void WriteThrough(long available)
    {
        for (; _chunksOnDisk < _chunks.Length && (long)_chunksOnDisk * ChunkSamples + ChunkLength(_chunksOnDisk) <= available; _chunksOnDisk++)
        {
            if (_disk is null) continue;
            try
            {
                _disk.Write(Spec.Key, _chunksOnDisk, _chunks[_chunksOnDisk]);
                _metrics.AddChunkWritten();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log($"{Spec}: cannot write chunk {_chunksOnDisk} to the disk cache: {e.Message}"); // Memory still has it.
            }
        }
    }
}
