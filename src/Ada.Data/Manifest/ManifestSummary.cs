namespace Ada.Data;

/// <summary>Totals per split and per source package, for people reading the manifest.</summary>
public sealed record ManifestSummary
{
    /// <summary>Training split.</summary>
    public required SplitTotals Train { get; init; }

    /// <summary>Validation split.</summary>
    public required SplitTotals Validation { get; init; }

    /// <summary>Test split.</summary>
    public required SplitTotals Test { get; init; }

    /// <summary>All splits together.</summary>
    public required SplitTotals Total { get; init; }

    /// <summary>Per Debian package.</summary>
    public required IReadOnlyDictionary<string, SplitTotals> Packages { get; init; }

    /// <summary>Bytes on disk of the WAV and MIDI files.</summary>
    public required long TotalBytes { get; init; }

    /// <summary>Computes the summary of a list of entries.</summary>
    public static ManifestSummary Of(IReadOnlyList<ManifestEntry> files, long totalBytes) => new()
    {
        Train = SplitTotals.Of(files.Where(f => f.Split == DataSplit.Train)),
        Validation = SplitTotals.Of(files.Where(f => f.Split == DataSplit.Validation)),
        Test = SplitTotals.Of(files.Where(f => f.Split == DataSplit.Test)),
        Total = SplitTotals.Of(files),
        Packages = files.GroupBy(f => f.Package).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SplitTotals.Of(g)),
        TotalBytes = totalBytes,
    };
}
