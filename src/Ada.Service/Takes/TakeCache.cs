using Ada.Protocol;
using Ada.Service.Generation;

namespace Ada.Service.Takes;

/// <summary>
/// All takes the service knows, by take id: in memory while someone holds a lease (and afterwards, least recently used
/// first out, within the memory budget), on disk under the cache folder (least recently used first out, within the disk
/// budget, never a take in use). Acquiring an incomplete take queues its generation.
/// </summary>
internal sealed class TakeCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ContentHash, Entry> _entries = [];
    private readonly ServiceOptions _options;
    private readonly RenderScheduler _scheduler;
    private readonly ServiceMetrics _metrics;
    private readonly Action<string> _log;
    private readonly TakeDiskCache? _disk;
    private long _clock;

    /// <summary>A cache configured by <paramref name="options"/>; indexes (and trims) the disk cache folder.</summary>
    public TakeCache(ServiceOptions options, RenderScheduler scheduler, ServiceMetrics metrics, Action<string> log)
    {
        _options = options;
        _scheduler = scheduler;
        _metrics = metrics;
        _log = log;
        if (options.CacheFolder is { } folder)
        {
            _disk = new TakeDiskCache(folder, options.CacheChunkSamples, options.DiskCacheBytes, TrimDisk, log);
            TrimDisk();
        }
    }

    /// <summary>Claims take <paramref name="spec"/> for <paramref name="interest"/>, loading what the disk cache has and queueing the rest.</summary>
    public TakeLease Acquire(TakeSpec spec, ITakeInterest interest)
    {
        TakeAudio audio;
        lock (_lock)
        {
            // A failed take nobody holds is tried again; an orphaned one (its model freed by a reload) is replaced at once, its
            // holders keep the old object (their releases find another entry and do nothing).
            bool fresh = !_entries.TryGetValue(spec.Key, out var entry) || entry.Audio.Orphaned || (entry.Leases == 0 && entry.Audio.Error is not null);
            if (fresh) _entries[spec.Key] = entry = new Entry(new TakeAudio(spec, _options.CacheChunkSamples, _disk, _metrics, _log));
            // The disk lease comes before the read, so another process's trim cannot delete the take between the two.
            if (entry!.Leases++ == 0) _disk?.Hold(spec.Key);
            audio = entry.Audio;
            if (fresh) audio.LoadFromDisk();
            audio.AddInterest(interest);
            _disk?.Touch(spec.Key);
        }
        _scheduler.Enqueue(audio);
        return new TakeLease(this, audio, interest);
    }

    /// <summary>Withdraws a lease's interest and trims unused takes to the memory and disk budgets.</summary>
    internal void Release(TakeLease lease)
    {
        lock (_lock)
        {
            lease.Take.RemoveInterest(lease.Interest);
            if (!_entries.TryGetValue(lease.Take.Spec.Key, out var entry) || entry.Audio != lease.Take) return;
            if (--entry.Leases == 0) _disk?.Release(lease.Take.Spec.Key);
            entry.LastUsed = ++_clock;
            _disk?.Touch(lease.Take.Spec.Key);
            TrimMemory();
            TrimDiskLocked();
        }
    }

    /// <summary>Keeps this process's claims on disk takes valid for other processes sharing the cache folder; call it every few seconds.</summary>
    public void RefreshDiskLeases() => _disk?.RefreshLeases();

    /// <summary>Deletes least recently used take folders not in use until the disk cache is within its budget.</summary>
    private void TrimDisk()
    {
        lock (_lock) TrimDiskLocked();
    }

    private void TrimDiskLocked()
    {
        if (_disk is null) return;
        foreach (var take in _disk.Trim(InUse))
        {
            _metrics.AddTakeEvicted();
            _log($"disk cache over {_disk.BudgetBytes} bytes: deleted take {take.ToString()[..12]}");
        }
    }

    /// <summary>A take someone holds a lease on, or a worker may still be writing (under the lock).</summary>
    private bool InUse(ContentHash take) => _entries.TryGetValue(take, out var entry) && (entry.Leases > 0 || entry.Audio.HasJob);

    private void TrimMemory()
    {
        long total = _entries.Values.Sum(e => e.Audio.MemoryBytes);
        foreach (var entry in _entries.Values.Where(e => e.Leases == 0).OrderBy(e => e.LastUsed).ToArray())
        {
            if (total <= _options.MemoryCacheBytes) return;
            if (entry.Audio.HasJob) continue; // A worker may still be appending; trimmed on a later release.
            _entries.Remove(entry.Audio.Spec.Key);
            total -= entry.Audio.MemoryBytes;
        }
    }

    private sealed class Entry(TakeAudio audio)
    {
        public TakeAudio Audio { get; } = audio;
        public int Leases { get; set; }
        public long LastUsed { get; set; }
    }
}
