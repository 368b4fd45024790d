namespace Ada.Protocol.Rings;

/// <summary>
/// Maps ring frames to the project timeline: the frame at ring index <see cref="StartIndex"/> plays at project
/// sample <see cref="ProjectPosition"/>, and each later frame one sample after. A newer segment supersedes
/// every frame written before its start (the reader drops them unread).
/// </summary>
/// <param name="StartIndex">Ring write index when the segment began.</param>
/// <param name="ProjectPosition">Project sample of the frame at <see cref="StartIndex"/>.</param>
/// <param name="TakeId">The take these frames belong to.</param>
/// <param name="Generation">1 for the first segment, +1 per new segment; 0 means no segment yet.</param>
public readonly record struct RingSegment(ulong StartIndex, long ProjectPosition, ulong TakeId, ulong Generation)
{
    /// <summary>Project sample of the frame at ring index <paramref name="index"/> (at or after <see cref="StartIndex"/>).</summary>
    public long PositionOf(ulong index) => ProjectPosition + (long)(index - StartIndex);
}
