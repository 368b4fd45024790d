namespace Ada.Data;

/// <summary>A piece to split: its key (hashed to order pieces) and an optional split fixed in advance.</summary>
/// <param name="Key">Stable piece key, usually its id.</param>
/// <param name="Fixed">A split decided by rule (e.g. a held-out package), or null to let hash order decide.</param>
public sealed record SplitCandidate(string Key, DataSplit? Fixed = null);
