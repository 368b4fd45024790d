using Ada.Protocol.Rings;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Rings;

public class RingBasicsTests
{
    [Test]
    public void Frames_come_out_in_order_across_many_wraparounds_with_uneven_blocks()
    {
        using var dir = new TempDirectory();
        using var writer = RingWriter.Create(RingFile.Options(dir, channels: 3, capacity: 16));
        using var reader = RingFile.Open(writer.Path);
        var random = new Random(3);
        var block = new float[40 * 3];
        ulong written = 0, read = 0;

        while (read < 10_000)
        {
            int offer = random.Next(0, 21);
            Frames.Fill(block.AsSpan(0, offer * 3), written, 3);
            int accepted = writer.Write(block.AsSpan(0, offer * 3));
            Assert.That(accepted, Is.EqualTo(Math.Min(offer, 16 - (int)(written - read))));
            written += (ulong)accepted;
            Assert.That(writer.BufferedFrames + writer.FreeFrames, Is.EqualTo(16));
            Assert.That(reader.AvailableFrames, Is.EqualTo((int)(written - read)));

            int got = reader.Read(block.AsSpan(0, random.Next(0, 21) * 3));
            Assert.That(Frames.FirstMismatch(block.AsSpan(0, got * 3), read, 3), Is.EqualTo(-1), $"at frame {read}");
            read += (ulong)got;
        }
        Assert.That(reader.ReadIndex, Is.EqualTo(read));
        Assert.That(writer.WriteIndex, Is.EqualTo(written));
    }

    [Test]
    public void Write_takes_only_what_fits_and_refuses_partial_frames()
    {
        using var dir = new TempDirectory();
        using var writer = RingWriter.Create(RingFile.Options(dir, channels: 2, capacity: 16));
        using var reader = RingFile.Open(writer.Path);

        Assert.That(writer.Write(new float[20 * 2]), Is.EqualTo(16));
        Assert.That(writer.Write(new float[2]), Is.Zero);
        Assert.That(reader.Read(new float[5 * 2]), Is.EqualTo(5));
        Assert.That(writer.Write(new float[10 * 2]), Is.EqualTo(5));
        Assert.That(() => writer.Write(new float[3]), Throws.ArgumentException.With.Message.Contains("not a whole number of frames"));
    }

    [Test]
    public void Header_reports_the_format_the_writer_was_created_with()
    {
        using var dir = new TempDirectory();
        using var writer = RingWriter.Create(new RingOptions("fmt", 2, 22_050, 1024) { Directory = dir.Path, TakeId = 0xABCDEF });
        using var reader = RingFile.Open(writer.Path);

        Assert.That((reader.Channels, reader.SampleRate, reader.CapacityFrames, reader.TakeId, reader.CreatorProcessId),
            Is.EqualTo((2, 22_050, 1024, 0xABCDEFul, Environment.ProcessId)));
        Assert.That(new FileInfo(writer.Path).Length, Is.EqualTo(512 + 1024 * 2 * 4));
    }

    [Test]
    public void Invalid_options_are_refused_naming_the_field()
    {
        using var dir = new TempDirectory();

        Assert.That(() => RingWriter.Create(RingFile.Options(dir, capacity: 100)), Throws.ArgumentException.With.Message.Contains("capacity 100"));
        Assert.That(() => RingWriter.Create(RingFile.Options(dir, channels: 0)), Throws.ArgumentException.With.Message.Contains("channels 0"));
        Assert.That(() => RingWriter.Create(RingFile.Options(dir, prefix: "../x")), Throws.ArgumentException.With.Message.Contains("prefix '../x'"));
        Assert.That(Directory.GetFiles(dir.Path), Is.Empty);
    }
}
