namespace Ada.Data;

/// <summary>Per-piece work of a recipe run: reuse what a manifest vouches for, else convert.</summary>
public sealed partial class RecipeRunner
{
    /// <summary>The previous outcome when the manifest vouches for it and the files still hash the same.</summary>
    private static PieceResult? Reuse(SourcePiece source, DatasetManifest? previous, string directory)
    {
        if (previous is null)
            return null;
        var entry = previous.Files.FirstOrDefault(f => f.Id == source.Id && f.SourceSha256 == source.SourceSha256);
        if (entry is not null)
        {
            var wav = Path.Combine(directory, entry.Path);
            bool intact = File.Exists(wav) && (entry.Midi is null || File.Exists(Path.Combine(directory, entry.Midi)))
                && Hashing.Sha256HexOfFile(wav) == entry.Sha256;
            return intact ? new PieceResult(source, entry, null, Reused: true) : null;
        }
        var excluded = previous.Excluded.FirstOrDefault(e => e.Id == source.Id && e.SourceSha256 == source.SourceSha256);
        return excluded is null ? null : new PieceResult(source, null, excluded, Reused: true);
    }

    private static PieceResult Convert(IDataRecipe recipe, SourcePiece source, string directory, string licence, CancellationToken cancellation)
    {
        ConvertedAudio audio;
        try
        {
            audio = recipe.Convert(source, directory, cancellation);
        }
        catch (InvalidDataException e)
        {
            // A malformed source file is a fact about the package, not a failure of the run.
            return Excluded(source, 0, $"unreadable source: {e.Message}");
        }
        double seconds = audio.Samples / (double)AudioFormat.SampleRate;
        if (seconds < recipe.MinimumSeconds)
        {
            RecipeLayout.DeleteIfExists(Path.Combine(directory, audio.Wav));
            if (audio.Midi is not null)
                RecipeLayout.DeleteIfExists(Path.Combine(directory, audio.Midi));
            return Excluded(source, seconds, $"{seconds:F1} s is shorter than the recipe's {recipe.MinimumSeconds} s minimum");
        }
        var entry = new ManifestEntry
        {
            Id = source.Id,
            Path = audio.Wav,
            Source = source.SourcePath,
            SourceMember = source.SourceMember,
            SourceSha256 = source.SourceSha256,
            Package = source.Package,
            Licence = licence,
            Split = DataSplit.Train, // assigned once every piece is known
            DurationSeconds = seconds,
            Samples = audio.Samples,
            Sha256 = Hashing.Sha256HexOfFile(Path.Combine(directory, audio.Wav)),
            Midi = audio.Midi,
            TrimStartSamples = audio.TrimStartSamples,
        };
        return new PieceResult(source, entry, null, Reused: false);
    }

    private static PieceResult Excluded(SourcePiece source, double seconds, string reason) =>
        new(source, null, new ExcludedPiece
        {
            Id = source.Id,
            Source = source.SourcePath,
            SourceMember = source.SourceMember,
            SourceSha256 = source.SourceSha256,
            Package = source.Package,
            DurationSeconds = seconds,
            Reason = reason,
        }, Reused: false);
}
