namespace Ada.Data;

/// <summary>The outcome for one source piece: kept (entry, split not yet assigned) or excluded.</summary>
internal sealed record PieceResult(SourcePiece Source, ManifestEntry? Kept, ExcludedPiece? Excluded, bool Reused);
