namespace Ada.Data;

/// <summary>A reproducible way to turn installed Debian packages into a 16 kHz mono dataset.</summary>
public interface IDataRecipe
{
    /// <summary>Name used on the command line and as the folder name.</summary>
    string Name { get; }

    /// <summary>Conversion settings; a manifest with different settings is rebuilt from scratch.</summary>
    string Settings { get; }

    /// <summary>Debian packages the recipe reads or runs.</summary>
    IReadOnlyList<string> RequiredPackages { get; }

    /// <summary>Pieces shorter than this are excluded.</summary>
    double MinimumSeconds { get; }

    /// <summary>Finds the source pieces, with unique ids, in a stable order.</summary>
    IReadOnlyList<SourcePiece> LocateSources(IDebianPackages packages);

    /// <summary>Converts one piece into the recipe folder (files written atomically, stems = piece id).</summary>
    ConvertedAudio Convert(SourcePiece piece, string recipeDirectory, CancellationToken cancellation);

    /// <summary>Assigns a split to each kept piece (same order as the input); must not depend on input order.</summary>
    IReadOnlyList<DataSplit> AssignSplits(IReadOnlyList<SourcePiece> kept);
}
