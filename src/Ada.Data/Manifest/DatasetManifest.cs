namespace Ada.Data;

/// <summary>Everything a recipe produced: settings, summary, files with hashes and splits, and exclusions.</summary>
public sealed record DatasetManifest
{
    /// <summary>Manifest format version this code reads and writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Format version of this manifest.</summary>
    public required int Format { get; init; }

    /// <summary>Recipe name (also the folder name).</summary>
    public required string Recipe { get; init; }

    /// <summary>The recipe's conversion settings; a manifest made with other settings is rebuilt, not reused.</summary>
    public required string Settings { get; init; }

    /// <summary>Sample rate of every file.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Totals per split and package.</summary>
    public required ManifestSummary Summary { get; init; }

    /// <summary>The dataset's files, ordered by id.</summary>
    public required IReadOnlyList<ManifestEntry> Files { get; init; }

    /// <summary>Sources converted but left out (e.g. too short).</summary>
    public required IReadOnlyList<ExcludedPiece> Excluded { get; init; }

    /// <summary>The entries of one split, in manifest order.</summary>
    public IReadOnlyList<ManifestEntry> FilesIn(DataSplit split) => Files.Where(f => f.Split == split).ToList();
}
