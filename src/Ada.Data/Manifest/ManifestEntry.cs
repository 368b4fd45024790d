namespace Ada.Data;

/// <summary>One audio file of a dataset and where it came from.</summary>
public sealed record ManifestEntry
{
    /// <summary>Stable piece identifier (also the file stem), unique within the manifest.</summary>
    public required string Id { get; init; }

    /// <summary>WAV path relative to the recipe folder, '/'-separated.</summary>
    public required string Path { get; init; }

    /// <summary>Absolute path of the source file in the Debian package.</summary>
    public required string Source { get; init; }

    /// <summary>Member inside the source file (the lump name for WAD files), else null.</summary>
    public string? SourceMember { get; init; }

    /// <summary>SHA-256 of the source bytes (the lump for WAD members).</summary>
    public required string SourceSha256 { get; init; }

    /// <summary>Debian package that installed the source.</summary>
    public required string Package { get; init; }

    /// <summary>Licence short name read from the package's copyright file.</summary>
    public required string Licence { get; init; }

    /// <summary>Which split the piece belongs to.</summary>
    public required DataSplit Split { get; init; }

    /// <summary>Duration in seconds (Samples / 16000).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Number of 16 kHz samples in the WAV.</summary>
    public required long Samples { get; init; }

    /// <summary>SHA-256 of the whole WAV file.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Rewritten MIDI that was rendered (relative path), for rendered recipes; else null.</summary>
    public string? Midi { get; init; }

    /// <summary>
    /// Samples of leading silence cut from the render: render sample n is audio sample n − TrimStartSamples,
    /// and a MIDI event at t seconds sounds from render sample ⌈t·16000/64⌉·64 (FluidSynth applies events
    /// at 64-sample block boundaries). Null when the recipe does not trim.
    /// </summary>
    public long? TrimStartSamples { get; init; }
}
