using Ada.Service.Streaming;

namespace Ada.Service.Tests.Support;

/// <summary>The seek contract every take stream keeps: what it reads from any position is the straight playback, shifted.</summary>
internal static class SeekChecks
{
    /// <summary>
    /// Seeks to starts around and outside a stream of <paramref name="length"/> samples, reads 700 samples in uneven
    /// blocks, and asserts they equal <paramref name="straight"/> from that start (silence outside it).
    /// </summary>
    public static void ReadsFromAnyStartEqualStraightPlayback(ITakeStream stream, long length, float[] straight)
    {
        int[] blocks = [1, 13, 256, 430];
        foreach (long start in new long[] { 0, 1, 37, 1000, length / 2, length - 3, -50, length + 10 })
        {
            stream.Seek(start);
            var read = new float[700];
            for (int done = 0, b = 0; done < read.Length; b++)
                done += stream.Read(read.AsSpan(done, Math.Min(blocks[b % blocks.Length], read.Length - done)));
            var expected = Enumerable.Range(0, read.Length).Select(i => start + i).Select(at => at >= 0 && at < straight.Length ? straight[at] : 0f);
            Assert.That(read, Is.EqualTo(expected), $"from {start}");
            Assert.That(stream.Position, Is.EqualTo(start + read.Length));
        }
    }
}
