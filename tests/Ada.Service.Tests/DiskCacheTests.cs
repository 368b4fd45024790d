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
}
