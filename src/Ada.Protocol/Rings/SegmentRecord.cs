namespace Ada.Protocol.Rings;

/// <summary>
/// The seqlock around the segment record in header line 3. Only the producer writes it: sequence goes odd,
/// fields are stored, sequence goes even. A reader retries a bounded number of times and never waits.
/// </summary>
internal static class SegmentRecord
{
    private const int MaxAttempts = 8;

    public static void Publish(RingMapping ring, in RingSegment segment)
    {
        ulong sequence = ring.Load(RingLayout.SegmentSequenceOffset);
        ring.Store(RingLayout.SegmentSequenceOffset, sequence + 1);
        // A release store lets later stores move before it on weak memory models; the fence keeps the odd mark first.
        Interlocked.MemoryBarrier();
        ring.Store(RingLayout.SegmentStartOffset, segment.StartIndex);
        ring.Store(RingLayout.SegmentPositionOffset, (ulong)segment.ProjectPosition);
        ring.Store(RingLayout.SegmentTakeIdOffset, segment.TakeId);
        ring.Store(RingLayout.SegmentGenerationOffset, segment.Generation);
        ring.Store(RingLayout.SegmentSequenceOffset, sequence + 2);
    }

    /// <summary>A consistent snapshot, or false when the producer was mid-update on every attempt (or died mid-update).</summary>
    public static bool TryRead(RingMapping ring, out RingSegment segment)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            ulong before = ring.Load(RingLayout.SegmentSequenceOffset);
            if ((before & 1) != 0) continue;
            segment = new RingSegment(
                ring.Load(RingLayout.SegmentStartOffset),
                (long)ring.Load(RingLayout.SegmentPositionOffset),
                ring.Load(RingLayout.SegmentTakeIdOffset),
                ring.Load(RingLayout.SegmentGenerationOffset));
            if (ring.Load(RingLayout.SegmentSequenceOffset) == before) return true;
        }
        segment = default;
        return false;
    }
}
