namespace Ada.Data;

/// <summary>A source the recipe converted but left out of the dataset, and why.</summary>
public sealed record ExcludedPiece
{
    /// <summary>Piece identifier it would have had.</summary>
    public required string Id { get; init; }

    /// <summary>Absolute path of the source file.</summary>
    public required string Source { get; init; }

    /// <summary>Member inside the source file, else null.</summary>
    public string? SourceMember { get; init; }

    /// <summary>SHA-256 of the source bytes, so an unchanged source is not converted again.</summary>
    public required string SourceSha256 { get; init; }

    /// <summary>Debian package of the source.</summary>
    public required string Package { get; init; }

    /// <summary>Duration after conversion, in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Why it was left out.</summary>
    public required string Reason { get; init; }
}
