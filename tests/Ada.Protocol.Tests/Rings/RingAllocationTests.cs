using Ada.Protocol.Rings;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Rings;

/// <summary>The audio-thread API must not allocate (a GC in a DAW's audio callback is an audible glitch).</summary>
public class RingAllocationTests
{
    [Test]
    public void Reader_calls_allocate_nothing_over_thousands_of_blocks()
    {
        using var dir = new TempDirectory();
        using var writer = RingWriter.Create(RingFile.Options(dir, channels: 2, capacity: 1024));
        using var reader = RingFile.Open(writer.Path);
        var source = new float[256 * 2];
        var block = new float[128 * 2];
        writer.BeginSegment(0, 1);
        long position = 0, sum = 0;

        Run(200); // warm up: JIT tiers, first-call paths
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(sum, Is.GreaterThan(0), "blocks really came from the ring");

        void Run(int blocks)
        {
            for (int i = 0; i < blocks; i++)
            {
                writer.Write(source);
                writer.Heartbeat();
                var result = reader.ReadAt(position, block);
                position += 128;
                sum += result.FramesFromRing + reader.Read(block.AsSpan(0, 32));
                position += 16;
                sum += reader.Skip(16) + reader.AvailableFrames;
                if (reader.TryGetCursor(out var cursor)) sum += cursor.AvailableFrames;
                if (reader.IsProducerStalled(i, 1000)) sum--;
                reader.Heartbeat();
            }
        }
    }
}
