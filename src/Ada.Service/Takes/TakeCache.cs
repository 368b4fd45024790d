using Ada.Protocol;
using Ada.Service.Generation;

namespace Ada.Service.Takes;

/// <summary>
/// All takes the service knows, by take id: in memory while someone holds a lease (and afterwards, least recently used
/// first out, within the memory budget), on disk under the cache folder. Acquiring an incomplete take queues its generation.
/// </summary>
internal sealed class TakeCache(ServiceOptions options, RenderScheduler scheduler, ServiceMetrics metrics, Action<string> log)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ContentHash, Entry> _entries = [];
    private readonly TakeDiskCache? _disk = options.CacheFolder is { } folder ? new TakeDiskCache(folder, options.CacheChunkSamples) : null;
    private long _clock;

    /// <summary>Claims take <paramref name="spec"/> for <paramref name="interest"/>, loading what the disk cache has and queueing the rest.</summary>
    public TakeLease Acquire(TakeSpec spec, ITakeInterest interest)
    {
        TakeAudio audio;
        lock (_lock)
        {
            if (!_entries.TryGetValue(spec.Key, out var entry) || (entry.Leases == 0 && entry.Audio.Error is not null))
            {
                var fresh = new TakeAudio(spec, options.CacheChunkSamples, _disk, metrics, log);
                fresh.LoadFromDisk();
                _entries[spec.Key] = entry = new Entry(fresh);
            }
            entry.Leases++;
            audio = entry.Audio;
            audio.AddInterest(interest);
        }
        scheduler.Enqueue(audio);
        return new TakeLease(this, audio, interest);
    }

    /// <summary>Withdraws a lease's interest and trims unused takes to the memory budget.</summary>
    internal void Release(TakeLease lease)
    {
        lock (_lock)
        {
            lease.Take.RemoveInterest(lease.Interest);
            if (!_entries.TryGetValue(lease.Take.Spec.Key, out var entry) || entry.Audio != lease.Take) return;
            entry.Leases--;
            entry.LastUsed = ++_clock;
            Trim();
        }
    }

    private void Trim()
    {
        long total = _entries.Values.Sum(e => e.Audio.MemoryBytes);
        foreach (var entry in _entries.Values.Where(e => e.Leases == 0).OrderBy(e => e.LastUsed).ToArray())
        {
            if (total <= options.MemoryCacheBytes) return;
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
