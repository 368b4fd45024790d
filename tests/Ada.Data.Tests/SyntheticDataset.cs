namespace Ada.Data.Tests;

/// <summary>A dataset folder of synthetic WAVs (see <see cref="SyntheticWav"/>) with its manifest.</summary>
internal sealed class SyntheticDataset : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <param name="files">(samples, split) per file; file i gets id "piece-i" and content SyntheticWav.Samples(i, n).</param>
    public SyntheticDataset(params (int Samples, DataSplit Split)[] files)
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "audio"));
        var entries = new List<ManifestEntry>();
        for (int i = 0; i < files.Length; i++)
        {
            var relative = $"audio/piece-{i}.wav";
            Pcm16Wav.Write(Path.Combine(_dir.Path, relative), SyntheticWav.Samples(i, files[i].Samples));
            entries.Add(new ManifestEntry
            {
                Id = $"piece-{i}", Path = relative, Source = $"/src/{i}.mid", SourceSha256 = Hashing.Sha256Hex($"src{i}"),
                Package = "synthetic", Licence = "GPL-2+", Split = files[i].Split,
                DurationSeconds = files[i].Samples / 16000.0, Samples = files[i].Samples,
                Sha256 = Hashing.Sha256HexOfFile(Path.Combine(_dir.Path, relative)),
            });
        }
        Manifest = new DatasetManifest
        {
            Format = DatasetManifest.CurrentFormat, Recipe = "synthetic", Settings = "s", SampleRate = 16000,
            Summary = ManifestSummary.Of(entries, 0), Files = entries, Excluded = [],
        };
        ManifestFile.Write(ManifestPath, Manifest);
    }

    public DatasetManifest Manifest { get; }

    public string Folder => _dir.Path;

    public string ManifestPath => _dir.File(DataPaths.ManifestFileName);

    public void Dispose() => _dir.Dispose();
}
