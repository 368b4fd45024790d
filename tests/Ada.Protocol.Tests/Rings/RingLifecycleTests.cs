using Ada.Protocol.Rings;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Rings;

public class RingLifecycleTests
{
    [Test]
    public void Dispose_removes_the_file_and_leaves_no_temp_file_behind()
    {
        using var dir = new TempDirectory();
        var writer = RingWriter.Create(RingFile.Options(dir, prefix: "svc1-inst2"));
        string path = writer.Path;

        Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { path }));
        Assert.That(Path.GetFileName(path), Does.StartWith("ada-svc1-inst2-").And.EndWith(".ring"));
        writer.Dispose();
        Assert.That(File.Exists(path), Is.False);
    }

    [Test, Platform("Linux")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Default_location_is_dev_shm_and_only_the_owner_may_open_it()
    {
        using var writer = RingWriter.Create(new RingOptions($"t{Environment.ProcessId}", 1, 16_000, 16));

        Assert.That(Path.GetDirectoryName(writer.Path), Is.EqualTo("/dev/shm"));
        Assert.That(File.GetUnixFileMode(writer.Path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Two_services_rings_in_one_folder_do_not_interfere()
    {
        using var dir = new TempDirectory();
        using var a = RingWriter.Create(RingFile.Options(dir, prefix: "svcA", channels: 1, capacity: 32));
        using var b = RingWriter.Create(RingFile.Options(dir, prefix: "svcB", channels: 1, capacity: 32));
        using var readerA = RingFile.Open(a.Path);
        using var readerB = RingFile.Open(b.Path);
        var block = new float[20];

        for (int round = 0; round < 50; round++)
        {
            Frames.Fill(block, (ulong)round * 20, 1);
            a.Write(block);
            Frames.Fill(block, 1_000_000 + (ulong)round * 20, 1);
            b.Write(block);
            b.Heartbeat();

            Assert.That(readerA.Read(block), Is.EqualTo(20));
            Assert.That(Frames.FirstMismatch(block, (ulong)round * 20, 1), Is.EqualTo(-1));
            Assert.That(readerB.Read(block), Is.EqualTo(20));
            Assert.That(Frames.FirstMismatch(block, 1_000_000 + (ulong)round * 20, 1), Is.EqualTo(-1));
        }
        Assert.That(a.Path, Is.Not.EqualTo(b.Path));
        readerA.ReportUnderrun();
        Assert.That((a.Underruns, b.Underruns), Is.EqualTo((1ul, 0ul)));
    }

    [Test]
    public void A_reader_whose_writer_died_sees_the_heartbeat_stall_and_keeps_the_frames_it_had()
    {
        using var dir = new TempDirectory();
        var writer = RingWriter.Create(RingFile.Options(dir, channels: 1, capacity: 16));
        using var reader = RingFile.Open(writer.Path);
        const long timeout = 100; // caller's clock units, e.g. samples

        Assert.That(reader.IsProducerStalled(now: 0, timeout), Is.False);
        writer.Heartbeat();
        Assert.That(reader.IsProducerStalled(now: 90, timeout), Is.False, "the beat moved");
        Assert.That(reader.IsProducerStalled(now: 190, timeout), Is.False, "100 ticks since the beat is within the timeout");
        writer.Heartbeat();
        Assert.That(reader.IsProducerStalled(now: 250, timeout), Is.False);

        writer.Write([1f, 2f, 3f]);
        writer.Dispose(); // the service dies: no more beats, file unlinked
        Assert.That(File.Exists(writer.Path), Is.False);
        Assert.That(reader.IsProducerStalled(now: 300, timeout), Is.False);
        Assert.That(reader.IsProducerStalled(now: 351, timeout), Is.True);

        var block = new float[3];
        Assert.That(reader.Read(block), Is.EqualTo(3), "the mapping outlives the file name on Linux");
        Assert.That(block, Is.EqualTo(new[] { 1f, 2f, 3f }));
    }

    [Test]
    public void The_writer_sees_a_stalled_consumer_heartbeat()
    {
        using var dir = new TempDirectory();
        using var writer = RingWriter.Create(RingFile.Options(dir));
        using var reader = RingFile.Open(writer.Path);

        Assert.That(writer.IsConsumerStalled(0, 10), Is.False);
        reader.Heartbeat();
        Assert.That(writer.IsConsumerStalled(15, 10), Is.False);
        Assert.That(writer.IsConsumerStalled(26, 10), Is.True);
    }
}
