namespace Ada.Data;

/// <summary>
/// Orchestral corpus: the Vorbis tracks of wesnoth-1.16-music converted to 16 kHz mono with sox.
/// Short jingles (&lt; 30 s) are dropped; whole tracks are held out: 5 for test and 3 for validation by hash order.
/// </summary>
public sealed class OrchestralRecipe : IDataRecipe
{
    private const string Wesnoth = "wesnoth-1.16-music";
    private const int TestTracks = 5;
    private const int ValidationTracks = 3;

    /// <inheritdoc />
    public string Name => "orchestral";

    /// <inheritdoc />
    public string Settings =>
        $"orchestral/1: sox -R -D -r {AudioFormat.SampleRate} -c 1 -b 16; min {MinimumSeconds} s; test {TestTracks}, validation {ValidationTracks} tracks by sha256(id)";

    /// <inheritdoc />
    public IReadOnlyList<string> RequiredPackages => [Wesnoth, "sox", "libsox-fmt-base"];

    /// <inheritdoc />
    public double MinimumSeconds => 30;

    /// <inheritdoc />
    public IReadOnlyList<SourcePiece> LocateSources(IDebianPackages packages) =>
        RecipeLayout.FilePieces(packages, Wesnoth, ".ogg", "wesnoth").ToList();

    /// <inheritdoc />
    public ConvertedAudio Convert(SourcePiece piece, string recipeDirectory, CancellationToken cancellation)
    {
        var audio = RecipeLayout.AudioDirectory(recipeDirectory);
        var converted = Path.Combine(RecipeLayout.WorkDirectory(recipeDirectory), piece.Id + ".wav");
        try
        {
            AudioTools.ToPcm16Mono(piece.SourcePath, converted, cancellation);
            var info = Pcm16Wav.ReadInfo(converted);
            AtomicFile.Commit(converted, Path.Combine(audio, piece.Id + ".wav"));
            return new ConvertedAudio(RecipeLayout.RelativeAudioPath(piece.Id + ".wav"), null, info.SampleCount, null);
        }
        finally
        {
            RecipeLayout.DeleteIfExists(converted);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DataSplit> AssignSplits(IReadOnlyList<SourcePiece> kept) =>
        PieceSplitter.Assign(kept.Select(p => new SplitCandidate(p.Id)).ToList(), TestTracks, ValidationTracks);
}
