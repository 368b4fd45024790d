using System.Diagnostics;
using Ada.Protocol;
using Ada.Service.Takes;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>Two <see cref="TakeDiskCache"/>s on one folder, standing for two service processes sharing a cache.</summary>
[TestFixture]
public class SharedDiskCacheTests
{
    private const int ChunkSamples = 1000;
    private static readonly long TakeBytes = 4 * ChunkFile.Size(ChunkSamples);
    private static readonly ContentHash[] Takes = Enumerable.Range(0, 4).Select(i => ContentHash.Of([(byte)i])).ToArray();

    [Test]
    public void TwoCachesOnOneFolderKeepItWithinOneBudget()
    {
        using var dir = new TempDir();
        string root = dir.Sub("cache");
        var time = new ManualTime(DateTimeOffset.UtcNow.AddHours(-1));   // Older than the folders' own write times, so a take being written is the newest.
        long budget = TakeBytes * 5 / 2;
        var a = SelfTrimming(root, budget, time);
        var b = SelfTrimming(root, budget, time);

        // Each writes two takes: within the budget on its own, twice it together.
        foreach (var (cache, take) in new[] { (a, Takes[0]), (a, Takes[1]), (b, Takes[2]), (b, Takes[3]) })
        {
            for (int c = 0; c < 4; c++) cache.Write(take, c, new byte[ChunkSamples]);
            cache.Touch(take);
            time.Now += TimeSpan.FromMinutes(1);
        }

        Assert.That(ChunkBytes(root), Is.EqualTo(2 * TakeBytes), "the two least recently used takes went");
        Assert.That(Remaining(root), Is.EquivalentTo(new[] { Takes[2], Takes[3] }));
        Assert.That(a.Bytes, Is.EqualTo(2 * TakeBytes), "a scan sees the other cache's takes");
    }

    [Test]
    public void ATakeAnotherCacheHoldsIsNotDeletedByThisOnesTrim()
    {
        using var dir = new TempDir();
        string root = Seed(dir, 3);
        long budget = TakeBytes - 1;   // every take would go
        var a = new TakeDiskCache(root, ChunkSamples, budget, () => { }, _ => { });
        var b = new TakeDiskCache(root, ChunkSamples, budget, () => { }, _ => { });

        a.Hold(Takes[0]);
        Assert.That(b.Trim(_ => false), Is.EquivalentTo(new[] { Takes[1], Takes[2] }));
        Assert.That(Remaining(root), Is.EqualTo(new[] { Takes[0] }), "in use by the other cache: kept although over budget");

        a.Release(Takes[0]);
        Assert.That(b.Trim(_ => false), Is.EqualTo(new[] { Takes[0] }), "released: deleted");
        Assert.That(ChunkBytes(root), Is.Zero);
    }

    [Test]
    public void ALeaseProtectsWhileRefreshedButNotOnceExpiredOrWhenItsProcessIsDead()
    {
        using var dir = new TempDir();
        string root = Seed(dir, 3);
        var time = new ManualTime(DateTimeOffset.UtcNow);
        long budget = TakeBytes - 1;
        var a = new TakeDiskCache(root, ChunkSamples, budget, () => { }, _ => { }, time);
        var b = new TakeDiskCache(root, ChunkSamples, budget, () => { }, _ => { }, time);
        a.Hold(Takes[0]);
        a.Hold(Takes[2]);
        // A crashed process's lease: no process has this id (above every OS's pid limit).
        File.WriteAllBytes(Path.Combine(root, Takes[1].ToString(), $".inuse.{int.MaxValue}.0badf00d"), []);

        var step = TakeDiskCache.LeaseTimeout * 0.6;
        time.Now += step;
        a.RefreshLeases();
        time.Now += step;
        Assert.That(b.Trim(_ => false), Is.EqualTo(new[] { Takes[1] }), "the dead process's lease protects nothing; refreshed leases do");

        a.Release(Takes[2]);
        time.Now += step;   // a's lease on take 0 was last refreshed 1.2 timeouts ago
        Assert.That(b.Trim(_ => false), Is.EquivalentTo(new[] { Takes[0], Takes[2] }), "an expired lease protects nothing");
        Assert.That(Remaining(root), Is.Empty);
    }

    [Test, Platform("Linux")]
    public void ALockAndCountLeftByACrashedProcessDoNotBlock()
    {
        using var dir = new TempDir();
        string root = Seed(dir, 2);
        string lockFile = Path.Combine(root, ".lock");
        File.WriteAllBytes(lockFile, Enumerable.Repeat((byte)0x5A, 16).ToArray());   // a count torn by the crash

        // A real second process holds the OS lock (flock(1), the lock FileShare.None takes on Linux) and dies holding it.
        using (var holder = Process.Start(new ProcessStartInfo("flock", ["-x", lockFile, "sleep", "60"]))!)
        {
            Assert.That(SpinWait.SpinUntil(() => IsLocked(lockFile), TimeSpan.FromSeconds(10)), Is.True, "the other process holds the lock");
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        var cache = new TakeDiskCache(root, ChunkSamples, TakeBytes, () => { }, _ => { });
        Assert.That(cache.Trim(_ => false), Is.EqualTo(new[] { Takes[0] }), "the oldest take goes, by the real sizes");
        Assert.That((ChunkBytes(root), File.ReadAllBytes(lockFile).Length), Is.EqualTo((TakeBytes, 16)), "the count is whole again");
        Assert.That(cache.Trim(_ => false), Is.Empty, "within budget by the rewritten count");
    }

    private static TakeDiskCache SelfTrimming(string root, long budget, TimeProvider time)
    {
        TakeDiskCache? cache = null;
        cache = new TakeDiskCache(root, ChunkSamples, budget, () => cache!.Trim(_ => false), _ => { }, time);
        return cache;
    }

    /// <summary>Takes 0..count−1 on disk, take 0 the least recently used.</summary>
    private static string Seed(TempDir dir, int count)
    {
        string root = dir.Sub("cache");
        var disk = new TakeDiskCache(root, ChunkSamples, long.MaxValue, () => { }, _ => { });
        for (int t = 0; t < count; t++)
        {
            for (int c = 0; c < 4; c++) disk.Write(Takes[t], c, new byte[ChunkSamples]);
            Directory.SetLastWriteTimeUtc(Path.Combine(root, Takes[t].ToString()), DateTime.UtcNow.AddHours(t - count));
        }
        return root;
    }

    private static long ChunkBytes(string root) =>
        Directory.GetFiles(root, "*.chunk", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static ContentHash[] Remaining(string root) =>
        Takes.Where(t => Directory.Exists(Path.Combine(root, t.ToString()))).ToArray();

    private static bool IsLocked(string path)
    {
        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
