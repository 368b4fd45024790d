using System.Diagnostics;
using Ada.Protocol.Rings;

namespace Ada.Service.Tests.Support;

/// <summary>Reads a ring by project position, as fast as the service fills it.</summary>
public static class RingFrames
{
    /// <summary>
    /// Collects <paramref name="frames"/> stereo frames playing at project samples <paramref name="from"/>.., ignoring segments
    /// older than <paramref name="minGeneration"/> (frames of a superseded segment are skipped).
    /// </summary>
    public static float[] Collect(RingReader ring, long from, int frames, ulong minGeneration = 1)
    {
        var stereo = new float[frames * 2];
        var clock = Stopwatch.StartNew();
        int got = 0;
        while (got < frames)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TestClient.Timeout), $"ring gave {got} of {frames} frames from {from}");
            Assert.That(ring.IsFaulted, Is.False, ring.FaultDescription);
            if (!ring.TryGetCursor(out var cursor) || cursor.AvailableFrames == 0)
            {
                Thread.Sleep(1);
                continue;
            }
            if (cursor.Generation < minGeneration)
            {
                ring.Skip(cursor.AvailableFrames);
                continue;
            }
            Assert.That(cursor.ProjectPosition, Is.EqualTo(from + got), "the ring's next frame is not the next project sample");
            got += ring.Read(stereo.AsSpan(got * 2, Math.Min(cursor.AvailableFrames, frames - got) * 2));
        }
        return stereo;
    }
}
