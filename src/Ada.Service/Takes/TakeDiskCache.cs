using System.Buffers.Binary;
using Ada.Protocol;

namespace Ada.Service.Takes;

/// <summary>
/// The disk half of the take cache: <c>{root}/{take id}/{chunk:D6}.chunk</c>, written through as chunks complete, kept within
/// a byte budget that every process using the same root shares (two users' services, a service restarted while the old one
/// still stops). Each take folder's last write time records when the take was last used (so the order survives restarts);
/// over budget, whole take folders go least recently used first, skipping takes in use here or in another process.
/// </summary>
/// <remarks>
/// <para>
/// Between processes: <c>{root}/.lock</c> is opened with <see cref="FileShare.None"/> (an OS lock, which the OS drops when its
/// process dies, so a crash never leaves a lock that blocks; the file itself stays and means nothing) only while a write is
/// accounted, a lease written or the cache trimmed. The file holds the shared count of chunk bytes; a trim re-scans the real
/// sizes and rewrites it, so a count that drifted (a crash between a write and its accounting, files deleted by hand) is
/// corrected by the next trim. A process that uses a take keeps a lease file <c>{take}/.inuse.{pid}.{instance}</c> in it,
/// refreshed by <see cref="RefreshLeases"/>; other processes do not delete the take unless that pid is dead or the lease is
/// older than <see cref="LeaseTimeout"/> (the pid may have been reused).
/// </para>
/// <para>
/// Lock order: the owner (<see cref="TakeCache"/>) calls <see cref="Hold"/>, <see cref="Release"/>, <see cref="Touch"/> and
/// <see cref="Trim"/> under its own lock; this class takes its lock, then the file lock, and never calls out while holding
/// them except to the in-use predicate passed to <see cref="Trim"/>; after a write that leaves the cache over budget it calls
/// <c>overBudget</c> with no lock held.
/// </para>
/// </remarks>
internal sealed class TakeDiskCache
{
    /// <summary>A lease not refreshed for this long no longer protects its take (its pid may belong to another process by now).</summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromMinutes(10);

    private const string LeasePrefix = ".inuse.";
    private const int LockAttempts = 200;
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(10);   // 200 × 10 ms: a trim holds the lock far shorter
    private static readonly TimeSpan LeaseRefresh = LeaseTimeout / 10;
    private readonly Lock _lock = new();
    private readonly HashSet<ContentHash> _held = [];
    private readonly string _leaseName = $"{LeasePrefix}{Environment.ProcessId}.{Random.Shared.Next():x8}";
    private readonly Action _overBudget;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastRefresh;
    private long _clock;

    /// <summary>A cache on <paramref name="root"/> (created if missing); counts the chunk files already there into the shared count.</summary>
    public TakeDiskCache(string root, int chunkSamples, long budgetBytes, Action overBudget, Action<string> log, TimeProvider? time = null)
    {
        Root = Path.GetFullPath(root);
        ChunkSamples = chunkSamples;
        BudgetBytes = budgetBytes;
        _overBudget = overBudget;
        _log = log;
        _time = time ?? TimeProvider.System;
        _lastRefresh = _time.GetUtcNow();
        lock (_lock)
        {
            using var shared = LockShared();
            if (shared is not null) WriteCount(shared, Scan().Sum(f => f.Bytes));
        }
    }

    /// <summary>The cache root folder.</summary>
    public string Root { get; }

    /// <summary>Model-rate samples per chunk.</summary>
    public int ChunkSamples { get; }

    /// <summary>Bytes of chunk files the cache may hold, all processes together (more only while the takes in use need it).</summary>
    public long BudgetBytes { get; }

    /// <summary>Bytes of chunk files in the take folders now (a scan).</summary>
    public long Bytes => Scan().Sum(f => f.Bytes);

    private string LockPath => Path.Combine(Root, ".lock");

    /// <summary>Reads chunk <paramref name="index"/> into <paramref name="destination"/>; false when it is not (validly) on disk.</summary>
    public bool TryRead(ContentHash take, int index, Span<byte> destination) =>
        ChunkFile.TryRead(ChunkPath(take, index), take, ChunkSamples, index, destination);

    /// <summary>Writes chunk <paramref name="index"/> (atomically; an existing copy is replaced by identical bytes).</summary>
    public void Write(ContentHash take, int index, ReadOnlySpan<byte> classes)
    {
        string path = ChunkPath(take, index);
        bool replacing = File.Exists(path);
        ChunkFile.Write(path, take, ChunkSamples, index, classes);
        if (!replacing && Account(ChunkFile.Size(classes.Length)) > BudgetBytes) _overBudget();
    }

    /// <summary>Marks take <paramref name="take"/> as in use by this process (a lease file other processes respect) until <see cref="Release"/>.</summary>
    public void Hold(ContentHash take)
    {
        lock (_lock)
        {
            _held.Add(take);
            // Under the file lock, so a trim elsewhere either sees the lease or has deleted the take before it is read.
            using var shared = LockShared();
            WriteLease(take);
        }
    }

    /// <summary>Ends this process's use of <paramref name="take"/> (deletes its lease file).</summary>
    public void Release(ContentHash take)
    {
        lock (_lock)
        {
            _held.Remove(take);
            try
            {
                File.Delete(LeasePath(take));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log($"disk cache: cannot remove lease {LeasePath(take)}: {e.Message}"); // It expires.
            }
        }
    }

    /// <summary>Stamps this process's lease files again when <see cref="LeaseTimeout"/> / 10 has passed since the last time; call it often.</summary>
    public void RefreshLeases()
    {
        lock (_lock)
        {
            if (_time.GetUtcNow() - _lastRefresh < LeaseRefresh) return;
            _lastRefresh = _time.GetUtcNow();
            foreach (var take in _held) WriteLease(take);
        }
    }

    /// <summary>Marks take <paramref name="take"/> as used now (its folder's time stamp).</summary>
    public void Touch(ContentHash take)
    {
        lock (_lock)
        {
            string folder = TakeFolder(take);
            if (!Directory.Exists(folder)) return;
            try
            {
                Directory.SetLastWriteTimeUtc(folder, new DateTime(Tick(), DateTimeKind.Utc));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log($"disk cache: cannot stamp {folder}: {e.Message}"); // Its order is off by one use, nothing worse.
            }
        }
    }

    /// <summary>
    /// While the cache (all processes together) is over budget, deletes the least recently used take folders for which
    /// <paramref name="inUse"/> is false and no other live process holds a lease; returns the takes deleted. A folder is renamed
    /// away before it is deleted, so a reader never sees half of it.
    /// </summary>
    public IReadOnlyList<ContentHash> Trim(Func<ContentHash, bool> inUse)
    {
        var deleted = new List<ContentHash>();
        var doomed = new List<string>();
        lock (_lock)
        {
            using var shared = LockShared();
            if (shared is null || ReadCount(shared) <= BudgetBytes) return deleted;
            // The count includes other processes' writes but may have drifted: trim by the real sizes.
            var folders = Scan();
            long total = folders.Sum(f => f.Bytes);
            foreach (var folder in folders.OrderBy(f => f.LastUsed).ThenBy(f => f.Take.ToString(), StringComparer.Ordinal))
            {
                if (total <= BudgetBytes) break;
                if (inUse(folder.Take) || LeasedElsewhere(folder.Path) || RenameAway(folder.Path) is not { } away) continue;
                doomed.Add(away);
                deleted.Add(folder.Take);
                total -= folder.Bytes;
            }
            WriteCount(shared, total);
        }
        // Renamed away, the takes are already out of the cache; deleting (slow for big folders) outside the locks holds up nobody.
        foreach (var path in doomed) DeleteRenamed(path);
        return deleted;
    }

    /// <summary>Adds <paramref name="bytes"/> to the shared count; returns the new count (0 without the lock: the next trim counts them).</summary>
    private long Account(long bytes)
    {
        lock (_lock)
        {
            using var shared = LockShared();
            if (shared is null) return 0;
            long count = ReadCount(shared);
            if (count == long.MaxValue) return count; // Unreadable: a trim re-counts.
            WriteCount(shared, count + bytes);
            return count + bytes;
        }
    }

    /// <summary>The cross-process lock (the caller holds <see cref="_lock"/>), or null when another process kept it for the whole wait.</summary>
    private FileStream? LockShared()
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(Root);
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts)
            {
                Thread.Sleep(LockRetry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log($"disk cache: cannot lock {LockPath}, going on without it: {e.Message}");
                return null;
            }
        }
    }

    /// <summary>The shared count of chunk bytes; <see cref="long.MaxValue"/> when the file holds none (new, or torn by a crash): trim, which re-counts.</summary>
    private static long ReadCount(FileStream shared)
    {
        // The count and its complement: a torn write (a crash in the middle) does not pass for a count.
        Span<byte> bytes = stackalloc byte[2 * sizeof(long)];
        shared.Position = 0;
        if (shared.Length != bytes.Length || shared.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length) return long.MaxValue;
        long count = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        return count >= 0 && ~count == BinaryPrimitives.ReadInt64LittleEndian(bytes[sizeof(long)..]) ? count : long.MaxValue;
    }

    private static void WriteCount(FileStream shared, long count)
    {
        Span<byte> bytes = stackalloc byte[2 * sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, count);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[sizeof(long)..], ~count);
        shared.Position = 0;
        shared.Write(bytes);
        shared.SetLength(bytes.Length);
    }

    /// <summary>Every take folder with its chunk bytes and last use; folders not named by a take id are never counted or touched.</summary>
    private List<CachedTake> Scan()
    {
        var folders = new List<CachedTake>();
        if (!Directory.Exists(Root)) return folders;
        foreach (var path in Directory.EnumerateDirectories(Root))
        {
            if (!ContentHash.TryParse(Path.GetFileName(path), out var take)) continue;
            try
            {
                folders.Add(new CachedTake(take, path, Directory.EnumerateFiles(path, "*.chunk").Sum(f => new FileInfo(f).Length),
                    Directory.GetLastWriteTimeUtc(path).Ticks));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log($"disk cache: cannot index {path}: {e.Message}");
            }
        }
        return folders;
    }

    /// <summary>True when another process (or cache instance) holds a lease on the take in <paramref name="folder"/> that is still valid.</summary>
    private bool LeasedElsewhere(string folder)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        try
        {
            foreach (var lease in Directory.EnumerateFiles(folder, LeasePrefix + "*"))
            {
                string name = Path.GetFileName(lease);
                if (name == _leaseName) continue; // Ours: the in-use predicate knows better.
                string pid = name[LeasePrefix.Length..].Split('.')[0];
                if (int.TryParse(pid, out int id) && now - File.GetLastWriteTimeUtc(lease) < LeaseTimeout && LiveProcesses.IsAlive(id)) return true;
            }
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"disk cache: cannot read the leases of {folder}, keeping it: {e.Message}");
            return true;
        }
    }

    private void WriteLease(ContentHash take)
    {
        try
        {
            Directory.CreateDirectory(TakeFolder(take));
            File.WriteAllBytes(LeasePath(take), []);
            File.SetLastWriteTimeUtc(LeasePath(take), _time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"disk cache: cannot write lease {LeasePath(take)}: {e.Message}"); // Only other processes' trims miss it.
        }
    }

    /// <summary>Renames a take folder out of the cache; null (logged) when it cannot be.</summary>
    private string? RenameAway(string folder)
    {
        string away = $"{folder}.evicted-{Environment.ProcessId}-{Random.Shared.Next():x8}";
        try
        {
            Directory.Move(folder, away);
            return away;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"disk cache: cannot delete {folder}: {e.Message}");
            return null;
        }
    }

    private void DeleteRenamed(string away)
    {
        try
        {
            Directory.Delete(away, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"disk cache: cannot delete {away}: {e.Message}"); // Not a take id: never counted, never read.
        }
    }

    /// <summary>A strictly increasing time stamp (UTC ticks): ties within one clock tick keep the order of use.</summary>
    private long Tick() => _clock = Math.Max(_time.GetUtcNow().UtcTicks, _clock + 1);

    private string TakeFolder(ContentHash take) => Path.Combine(Root, take.ToString());

    private string LeasePath(ContentHash take) => Path.Combine(TakeFolder(take), _leaseName);

    private string ChunkPath(ContentHash take, int index) => Path.Combine(TakeFolder(take), $"{index:D6}.chunk");

    private sealed record CachedTake(ContentHash Take, string Path, long Bytes, long LastUsed);
}
