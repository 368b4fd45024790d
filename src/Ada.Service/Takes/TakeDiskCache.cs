using Ada.Protocol;

namespace Ada.Service.Takes;

/// <summary>
/// The disk half of the take cache: <c>{root}/{take id}/{chunk:D6}.chunk</c>, written through as chunks complete, kept within
/// a byte budget. Each take folder's last write time records when the take was last used (so the order survives restarts);
/// over budget, whole take folders go least recently used first, skipping takes the caller says are in use.
/// </summary>
/// <remarks>
/// Lock order: the owner (<see cref="TakeCache"/>) calls <see cref="Touch"/> and <see cref="Trim"/> under its own lock, and
/// this class never calls out while holding its lock except to the in-use predicate passed to <see cref="Trim"/>; after a
/// write that leaves the cache over budget it calls <c>overBudget</c> with no lock held.
/// </remarks>
internal sealed class TakeDiskCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ContentHash, Folder> _takes = [];
    private readonly Action _overBudget;
    private readonly Action<string> _log;
    private long _bytes;
    private long _clock;

    /// <summary>Indexes the take folders already under <paramref name="root"/> (their chunk files' sizes and last use).</summary>
    public TakeDiskCache(string root, int chunkSamples, long budgetBytes, Action overBudget, Action<string> log)
    {
        Root = Path.GetFullPath(root);
        ChunkSamples = chunkSamples;
        BudgetBytes = budgetBytes;
        _overBudget = overBudget;
        _log = log;
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (!ContentHash.TryParse(Path.GetFileName(folder), out var take)) continue;   // not ours: never counted, never deleted
            try
            {
                long bytes = Directory.EnumerateFiles(folder, "*.chunk").Sum(f => new FileInfo(f).Length);
                _takes[take] = new Folder(bytes, Directory.GetLastWriteTimeUtc(folder).Ticks);
                _bytes += bytes;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log($"disk cache: cannot index {folder}: {e.Message}");
            }
        }
        _clock = _takes.Values.Select(f => f.LastUsed).DefaultIfEmpty(0).Max();
    }

    /// <summary>The cache root folder.</summary>
    public string Root { get; }

    /// <summary>Model-rate samples per chunk.</summary>
    public int ChunkSamples { get; }

    /// <summary>Bytes of chunk files the cache may hold (more only while the takes in use need it).</summary>
    public long BudgetBytes { get; }

    /// <summary>Bytes of chunk files held now.</summary>
    public long Bytes
    {
        get { lock (_lock) return _bytes; }
    }

    /// <summary>Reads chunk <paramref name="index"/> into <paramref name="destination"/>; false when it is not (validly) on disk.</summary>
    public bool TryRead(ContentHash take, int index, Span<byte> destination) =>
        ChunkFile.TryRead(ChunkPath(take, index), take, ChunkSamples, index, destination);

    /// <summary>Writes chunk <paramref name="index"/> (atomically; an existing copy is replaced by identical bytes).</summary>
    public void Write(ContentHash take, int index, ReadOnlySpan<byte> classes)
    {
        string path = ChunkPath(take, index);
        bool replacing = File.Exists(path);
        ChunkFile.Write(path, take, ChunkSamples, index, classes);
        bool over;
        lock (_lock)
        {
            if (!_takes.TryGetValue(take, out var folder)) _takes[take] = folder = new Folder(0, Tick());
            if (!replacing)
            {
                folder.Bytes += ChunkFile.Size(classes.Length);
                _bytes += ChunkFile.Size(classes.Length);
            }
            over = _bytes > BudgetBytes;
        }
        if (over) _overBudget();
    }

    /// <summary>Marks take <paramref name="take"/> as used now (in the index and in its folder's time stamp).</summary>
    public void Touch(ContentHash take)
    {
        lock (_lock)
        {
            if (!_takes.TryGetValue(take, out var folder)) return;
            folder.LastUsed = Tick();
            try
            {
                Directory.SetLastWriteTimeUtc(TakeFolder(take), new DateTime(folder.LastUsed, DateTimeKind.Utc));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log($"disk cache: cannot stamp {TakeFolder(take)}: {e.Message}"); // The order in this process is still right.
            }
        }
    }

    /// <summary>
    /// While over budget, deletes the least recently used take folders for which <paramref name="inUse"/> is false; returns
    /// the takes deleted. A folder is renamed away before it is deleted, so a reader never sees half of it.
    /// </summary>
    public IReadOnlyList<ContentHash> Trim(Func<ContentHash, bool> inUse)
    {
        var deleted = new List<ContentHash>();
        lock (_lock)
        {
            if (_bytes <= BudgetBytes) return deleted;
            foreach (var (take, folder) in _takes.OrderBy(t => t.Value.LastUsed).ThenBy(t => t.Key.ToString(), StringComparer.Ordinal).ToArray())
            {
                if (_bytes <= BudgetBytes) break;
                if (inUse(take) || !Delete(take)) continue;
                _takes.Remove(take);
                _bytes -= folder.Bytes;
                deleted.Add(take);
            }
        }
        return deleted;
    }

    private bool Delete(ContentHash take)
    {
        string folder = TakeFolder(take), doomed = $"{folder}.evicted-{Environment.ProcessId}-{Random.Shared.Next():x8}";
        try
        {
            if (Directory.Exists(folder)) Directory.Move(folder, doomed);
            if (Directory.Exists(doomed)) Directory.Delete(doomed, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"disk cache: cannot delete {folder}: {e.Message}");
            return !Directory.Exists(folder);   // Renamed away but not emptied: the take is gone from the cache all the same.
        }
    }

    /// <summary>A strictly increasing time stamp (UTC ticks): ties within one clock tick keep the order of use.</summary>
    private long Tick() => _clock = Math.Max(DateTime.UtcNow.Ticks, _clock + 1);

    private string TakeFolder(ContentHash take) => Path.Combine(Root, take.ToString());

    private string ChunkPath(ContentHash take, int index) => Path.Combine(TakeFolder(take), $"{index:D6}.chunk");

    private sealed class Folder(long bytes, long lastUsed)
    {
        public long Bytes { get; set; } = bytes;
        public long LastUsed { get; set; } = lastUsed;
    }
}
