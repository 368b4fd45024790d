namespace Ada.Data.Tests;

/// <summary>A recipe without external tools: piece i "converts" to a synthetic WAV of the given length.</summary>
internal sealed class FakeRecipe(params int[] samplesPerPiece) : IDataRecipe
{
    private int _conversions;

    public int Conversions => _conversions;

    public string Name => "fake";

    public string Settings { get; set; } = "fake/1";

    public IReadOnlyList<string> RequiredPackages => ["fake-music", "sox"];

    public double MinimumSeconds => 1;

    /// <summary>Ids whose source is malformed.</summary>
    public HashSet<string> Unreadable { get; } = [];

    public IReadOnlyList<SourcePiece> LocateSources(IDebianPackages packages) =>
        samplesPerPiece.Select((n, i) => new SourcePiece($"fake-{i}", "fake-music", $"/usr/share/fake/{i}.mid", null, Hashing.Sha256Hex($"source {i} {n}"))).ToList();

    public ConvertedAudio Convert(SourcePiece piece, string recipeDirectory, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _conversions);
        if (Unreadable.Contains(piece.Id))
            throw new InvalidDataException($"MIDI file {piece.SourcePath}: cannot be read");
        int i = int.Parse(piece.Id["fake-".Length..]);
        var audio = RecipeLayout.AudioDirectory(recipeDirectory);
        Pcm16Wav.Write(Path.Combine(audio, piece.Id + ".wav"), SyntheticWav.Samples(i, samplesPerPiece[i]));
        File.WriteAllText(Path.Combine(audio, piece.Id + ".mid"), "midi");
        return new ConvertedAudio($"audio/{piece.Id}.wav", $"audio/{piece.Id}.mid", samplesPerPiece[i], 100 + i);
    }

    public IReadOnlyList<DataSplit> AssignSplits(IReadOnlyList<SourcePiece> kept) =>
        PieceSplitter.Assign(kept.Select(p => new SplitCandidate(p.Id)).ToList(), 1, 1);
}
