namespace Ada.Protocol;

/// <summary>
/// Protocol versions this build speaks. The 16-byte frame header never changes between versions, so
/// a peer can always read a header and answer an unsupported version with an error.
/// </summary>
/// <remarks>
/// Handshake: the client sends <c>Hello</c> in a frame stamped with <see cref="Min"/> and its supported
/// range in the payload; the service answers <c>HelloReply</c> with the highest version both support
/// (<see cref="TryChoose"/>), and from then on both stamp every frame with that version.
/// </remarks>
public static class ProtocolVersion
{
    /// <summary>Oldest version this build accepts.</summary>
    public const ushort Min = 1;

    /// <summary>Newest version this build speaks.</summary>
    /// <remarks>
    /// 2 added ArmTake's take start and transpose; a version 1 frame still has (and means) neither. 3 added Status's
    /// checkpoint hash; a version 1 or 2 frame has none (and means none).
    /// </remarks>
    public const ushort Current = 3;

    /// <summary>The version that added ArmTake's take start and transpose fields.</summary>
    public const ushort TakePlacement = 2;

    /// <summary>The version that added Status's checkpoint hash (the model the loaded preset resolved to).</summary>
    public const ushort StatusCheckpoint = 3;

    /// <summary>True when frames stamped with <paramref name="version"/> can be read by this build.</summary>
    public static bool IsSupported(ushort version) => version is >= Min and <= Current;

    /// <summary>The highest version in both the client's range and ours; false when the ranges do not overlap.</summary>
    public static bool TryChoose(ushort clientMin, ushort clientMax, out ushort chosen)
    {
        chosen = Math.Min(clientMax, Current);
        if (chosen < Math.Max(clientMin, Min)) { chosen = 0; return false; }
        return true;
    }
}
