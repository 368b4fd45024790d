namespace Ada.Protocol.Rings;

/// <summary>How <see cref="RingReader.ReadAt"/> filled a block.</summary>
public enum RingReadStatus
{
    /// <summary>Every frame from the ring's first frame at or after the block start was there (leading silence only before the segment starts).</summary>
    Ok,
    /// <summary>The ring had the right position but ran dry; the tail is silence and the underrun counter went up.</summary>
    Underrun,
    /// <summary>The ring holds only frames before the block (e.g. right after a seek forward); they were dropped, the block is silent.</summary>
    Behind,
    /// <summary>The ring's next frame is after this block (e.g. right after a seek backward); the block is silent.</summary>
    Ahead,
    /// <summary>The producer has not published a segment yet; the block is silent.</summary>
    NoSegment,
    /// <summary>The ring is no longer trusted (see <see cref="RingReader.Fault"/>); the block is silent.</summary>
    Faulted,
}
