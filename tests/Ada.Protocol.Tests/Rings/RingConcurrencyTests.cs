using Ada.Protocol.Rings;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Rings;

public class RingConcurrencyTests
{
    private const ulong TotalFrames = 5_000_000;
    private const int Channels = 2;

    [Test]
    public void Producer_and_consumer_threads_move_five_million_frames_in_order()
    {
        using var dir = new TempDirectory();
        using var writer = RingWriter.Create(RingFile.Options(dir, channels: Channels, capacity: 4096));
        using var reader = RingFile.Open(writer.Path);
        string? failure = null;
        ulong consumed = 0;

        var producer = new Thread(() => Produce(writer));
        var consumer = new Thread(() => (consumed, failure) = Consume(reader));
        producer.Start();
        consumer.Start();

        Assert.That(producer.Join(TimeSpan.FromMinutes(2)) && consumer.Join(TimeSpan.FromMinutes(2)), Is.True, "threads finished");
        Assert.That(failure, Is.Null);
        Assert.That(consumed, Is.EqualTo(TotalFrames));
        Assert.That(reader.IsFaulted, Is.False);
    }

    private static void Produce(RingWriter writer)
    {
        var random = new Random(11);
        var block = new float[700 * Channels];
        var spin = new SpinWait();
        for (ulong next = 0; next < TotalFrames;)
        {
            int frames = (int)Math.Min((ulong)random.Next(1, 701), TotalFrames - next);
            Frames.Fill(block.AsSpan(0, frames * Channels), next, Channels);
            for (int offset = 0; offset < frames;)
            {
                int n = writer.Write(block.AsSpan(offset * Channels, (frames - offset) * Channels));
                offset += n;
                if (n == 0) spin.SpinOnce(); else spin.Reset();
            }
            next += (ulong)frames;
        }
    }

    private static (ulong, string?) Consume(RingReader reader)
    {
        var random = new Random(12);
        var block = new float[512 * Channels];
        var spin = new SpinWait();
        ulong next = 0;
        while (next < TotalFrames)
        {
            int got = reader.Read(block.AsSpan(0, random.Next(1, 513) * Channels));
            if (got == 0)
            {
                if (reader.IsFaulted) return (next, $"faulted: {reader.FaultDescription}");
                spin.SpinOnce();
                continue;
            }
            spin.Reset();
            int bad = Frames.FirstMismatch(block.AsSpan(0, got * Channels), next, Channels);
            if (bad >= 0) return (next, $"frame {next + (ulong)(bad / Channels)} channel {bad % Channels} is wrong");
            next += (ulong)got;
        }
        return (next, null);
    }
}
