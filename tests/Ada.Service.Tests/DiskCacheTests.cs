using Ada.Protocol;
using Ada.Service.Takes;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class DiskCacheTests
{
    private const int Rate = 44_100;

    [Test]
    public void TheDiskCacheSurvivesARestartAndIsReadInsteadOfGenerating()
    {
        using var dir = new TempDir();
        var reference = OfflineRender.Take(TinyModels.Preset(), 8, 1, Rate);
        int chunks;
        using (var first = new TestService(dir: dir))
        {
            chunks = (int)Math.Ceiling(TinyModels.Preset().LengthSamples / (double)first.Options.CacheChunkSamples);
            using var client = first.Connect(Rate);
            var (_, ring) = client.Arm(1, "tiny", 8, 1);
            RingFrames.Collect(ring, 0, reference.Length);
            Assert.That(SpinWait.SpinUntil(() => first.Metrics.ChunksWritten == chunks, TestClient.Timeout), Is.True,
                $"{first.Metrics.ChunksWritten} of {chunks} chunks written");
            Assert.That(first.Metrics.GeneratedSamples, Is.GreaterThan(0));
        }

        using var second = new TestService(dir: dir);
        using var again = second.Connect(Rate);
        var (_, replay) = again.Arm(5, "tiny", 8, 1);
        var frames = RingFrames.Collect(replay, 0, reference.Length);
        Assert.That(OfflineRender.FirstMismatch(frames, reference, 0), Is.EqualTo(-1));
        Assert.That(second.Metrics.GeneratedSamples, Is.EqualTo(0), "nothing generated: every chunk came from disk");
        Assert.That(second.Metrics.ChunksRead, Is.EqualTo(chunks));
    }

    [Test]
    public void ADamagedChunkIsRegeneratedNotPlayed()
    {
        using var dir = new TempDir();
        var reference = OfflineRender.Take(TinyModels.Preset(), 8, 2, Rate);
        using (var first = new TestService(dir: dir))
        {
            using var client = first.Connect(Rate);
            RingFrames.Collect(client.Arm(1, "tiny", 8, 2).Ring, 0, reference.Length);
            SpinWait.SpinUntil(() => first.Metrics.ChunksWritten == 4, TestClient.Timeout);
        }
        var chunk = Directory.GetFiles(dir.Sub("cache"), "000002.chunk", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(chunk);
        bytes[^1] ^= 0x55;
        File.WriteAllBytes(chunk, bytes);

        using var second = new TestService(dir: dir);
        using var again = second.Connect(Rate);
        var frames = RingFrames.Collect(again.Arm(1, "tiny", 8, 2).Ring, 0, reference.Length);
        Assert.That(OfflineRender.FirstMismatch(frames, reference, 0), Is.EqualTo(-1));
        Assert.That(second.Metrics.ChunksRead, Is.EqualTo(2), "chunks 0 and 1 are valid; reading stops at the damaged one");
        Assert.That(second.Metrics.GeneratedSamples, Is.EqualTo(TinyModels.Preset().LengthSamples), "the take is regenerated from its start");
    }

    [Test]
    public void ChunkFilesRejectAnotherTakeAnotherIndexAndFlippedBits()
    {
        using var dir = new TempDir();
        var take = ContentHash.Of("take"u8);
        var classes = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();
        string path = dir.Sub("c.chunk");
        ChunkFile.Write(path, take, 300, 4, classes);

        var read = new byte[300];
        Assert.That(ChunkFile.TryRead(path, take, 300, 4, read), Is.True);
        Assert.That(read, Is.EqualTo(classes));
        Assert.That(ChunkFile.TryRead(path, ContentHash.Of("other"u8), 300, 4, read), Is.False, "another take");
        Assert.That(ChunkFile.TryRead(path, take, 300, 5, read), Is.False, "another index");
        Assert.That(ChunkFile.TryRead(path, take, 400, 4, read), Is.False, "another chunk size");
        Assert.That(ChunkFile.TryRead(path, take, 300, 4, new byte[299]), Is.False, "another length");
        var bytes = File.ReadAllBytes(path);
        bytes[100] ^= 1;
        File.WriteAllBytes(path, bytes);
        Assert.That(ChunkFile.TryRead(path, take, 300, 4, read), Is.False, "checksum");
        Assert.That(Directory.GetFiles(dir.Path), Has.Length.EqualTo(1), "no temp file left behind");
    }

    [Test]
    public void OverItsBudgetTheDiskCacheDeletesTheLeastRecentlyUsedTakesNotInUse()
    {
        long takeBytes = 4 * ChunkFile.Size(1000);   // 0.25 s = 4 chunks of 1,000 classes
        using var service = new TestService(configure: o => o with { DiskCacheBytes = takeBytes * 5 / 2 });
        using var client = service.Connect(Rate);
        string Folder(int variation) => Path.Combine(service.Options.CacheFolder!, new TakeSpec(TinyModels.Preset(), 8, variation, ContentHash.None).Key.ToString());
        void PlayWhole(int variation)
        {
            RingFrames.Collect(client.Arm(1, "tiny", 8, variation).Ring, 0, OfflineRender.Take(TinyModels.Preset(), 8, variation, Rate).Length);
            Assert.That(SpinWait.SpinUntil(() => Directory.Exists(Folder(variation)) && Directory.GetFiles(Folder(variation), "*.chunk").Length == 4, TestClient.Timeout), Is.True);
        }

        PlayWhole(0);
        PlayWhole(1);   // re-arming take id 1 releases variation 0
        PlayWhole(2);
        Assert.That(Directory.Exists(Folder(0)), Is.False, "the least recently used take went");
        Assert.That(Directory.Exists(Folder(1)) && Directory.Exists(Folder(2)), Is.True);
        Assert.That(service.Metrics.TakesEvicted, Is.EqualTo(1));

        client.Arm(2, "tiny", 8, 1);   // variation 1 in use again: when variation 3 needs room, only variation 2 may go
        PlayWhole(3);
        Assert.That(Directory.Exists(Folder(2)), Is.False);
        Assert.That(Directory.Exists(Folder(1)) && Directory.Exists(Folder(3)), Is.True);
        Assert.That(Directory.GetFiles(service.Options.CacheFolder!, "*.chunk", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length),
            Is.LessThanOrEqualTo(service.Options.DiskCacheBytes));
    }

    [Test]
    public void ATakeInUseIsNeverDeletedEvenOverTheBudget()
    {
        using var service = new TestService(configure: o => o with { DiskCacheBytes = 1 });
        using var client = service.Connect(Rate);
        var (attached, ring) = client.Arm(1, "tiny", 8, 4);
        RingFrames.Collect(ring, 0, OfflineRender.Take(TinyModels.Preset(), 8, 4, Rate).Length);
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.ChunksWritten == 4, TestClient.Timeout), Is.True);
        var folder = Path.Combine(service.Options.CacheFolder!, new TakeSpec(TinyModels.Preset(), 8, 4, ContentHash.None).Key.ToString());
        Assert.That(Directory.GetFiles(folder, "*.chunk"), Has.Length.EqualTo(4), "armed: kept although over budget");

        client.Expect<Ada.Protocol.Messages.GoodbyeMessage>(client.Send(new Ada.Protocol.Messages.GoodbyeMessage()));
        Assert.That(SpinWait.SpinUntil(() => !Directory.Exists(folder), TestClient.Timeout), Is.True, "released: deleted");
        Assert.That(File.Exists(attached.RingPath), Is.False);
    }

    [Test]
    public void AtStartTheCacheIsTrimmedOldestFirstByFolderTimeAndForeignFoldersAreLeftAlone()
    {
        using var dir = new TempDir();
        string root = dir.Sub("cache");
        var takes = Enumerable.Range(0, 3).Select(v => new TakeSpec(TinyModels.Preset(), 8, v, ContentHash.None)).ToArray();
        foreach (var (take, age) in takes.Zip(new[] { 1, 3, 2 }))
        {
            TestTakes.SeedDisk(root, take, new byte[4000], 1000);
            Directory.SetLastWriteTimeUtc(Path.Combine(root, take.Key.ToString()), DateTime.UtcNow.AddHours(-age));
        }
        Directory.CreateDirectory(Path.Combine(root, "not-a-take"));
        var disk = new TakeDiskCache(root, 1000, 2 * 4 * ChunkFile.Size(1000), () => { }, _ => { });
        Assert.That(disk.Bytes, Is.EqualTo(3 * 4 * ChunkFile.Size(1000)));

        Assert.That(disk.Trim(take => take == takes[1].Key), Is.EqualTo(new[] { takes[2].Key }), "the oldest (1) is in use: the next oldest goes");
        Assert.That(disk.Trim(_ => false), Is.Empty, "within budget now");
        Assert.That(Directory.Exists(Path.Combine(root, takes[2].Key.ToString())), Is.False);
        Assert.That(Directory.GetDirectories(root).Select(Path.GetFileName), Is.EquivalentTo(new[] { takes[0].Key.ToString(), takes[1].Key.ToString(), "not-a-take" }));
    }

    [Test]
    public void ANegativeDiskBudgetIsRefusedNamingTheOption()
    {
        var options = new ServiceOptions { DiskCacheBytes = -1 };
        Assert.That(options.Validate, Throws.ArgumentException.With.Message.EqualTo("Service option DiskCacheBytes: -1 is negative. (Parameter 'DiskCacheBytes')"));
    }
}
