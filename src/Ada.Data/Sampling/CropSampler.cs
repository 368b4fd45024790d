namespace Ada.Data;

/// <summary>
/// Streams random fixed-length crops of one split for training, and sequential non-overlapping crops
/// for evaluation, reading only the requested sample ranges from disk.
/// Training batch n of seed s is a pure function of (s, n) and the files: crop b draws its file
/// (with probability proportional to duration) and its offset (uniform) from SplitMix64(s, n, b).
/// Files shorter than one crop are never drawn. Thread-safe.
/// </summary>
public sealed class CropSampler : IDisposable
{
    private readonly PcmFileSet _files;
    private readonly CropSamplerOptions _options;
    private readonly int[] _eligible;          // indices of files with at least one crop
    private readonly long[] _cumulativeSamples; // running totals over _eligible, for proportional choice

    /// <summary>Opens a split of a dataset; <paramref name="datasetDirectory"/> is the folder holding the manifest.</summary>
    public CropSampler(DatasetManifest manifest, string datasetDirectory, DataSplit split, CropSamplerOptions options)
    {
        options.Validate();
        _options = options;
        _files = new PcmFileSet(manifest.FilesIn(split), datasetDirectory);
        _eligible = Enumerable.Range(0, _files.Entries.Count).Where(i => _files.SampleCount(i) >= options.CropLength).ToArray();
        if (_eligible.Length == 0)
        {
            _files.Dispose();
            throw new InvalidOperationException(
                $"Split {split} of {datasetDirectory} has no file of at least {options.CropLength} samples ({_files.Entries.Count} files)");
        }
        _cumulativeSamples = new long[_eligible.Length];
        long total = 0;
        for (int k = 0; k < _eligible.Length; k++)
            _cumulativeSamples[k] = total += _files.SampleCount(_eligible[k]);
    }

    /// <summary>Opens a split of the dataset described by a manifest file.</summary>
    public static CropSampler Open(string manifestPath, DataSplit split, CropSamplerOptions options) =>
        new(ManifestFile.Read(manifestPath), Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, split, options);

    /// <summary>The split's files, indexed as in <see cref="CropLocation.FileIndex"/>.</summary>
    public IReadOnlyList<ManifestEntry> Files => _files.Entries;

    /// <summary>Random training batch number <paramref name="step"/>, (B, T).</summary>
    public CropBatch Batch(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        int b = _options.BatchSize, t = _options.CropLength;
        var samples = new short[b * t];
        var locations = new CropLocation[b];
        for (int i = 0; i < b; i++)
        {
            var rng = new SplitMix64(SplitMix64.Hash(_options.Seed, (ulong)step, (ulong)i));
            int file = PickFile(rng.NextBelow((ulong)_cumulativeSamples[^1]));
            long offset = (long)rng.NextBelow((ulong)(_files.SampleCount(file) - t + 1));
            _files.Read(file, offset, samples.AsSpan(i * t, t));
            locations[i] = new CropLocation(file, _files.Entries[file].Id, offset);
        }
        return new CropBatch(t, samples, locations);
    }

    /// <summary>
    /// Every non-overlapping crop of every file in manifest order (offsets 0, T, 2T, …; a tail shorter
    /// than T is left out), batched by B with a smaller last batch. Independent of the seed.
    /// </summary>
    public IEnumerable<CropBatch> EvaluationBatches()
    {
        int b = _options.BatchSize, t = _options.CropLength;
        var pending = new List<CropLocation>(b);
        for (int file = 0; file < _files.Entries.Count; file++)
        {
            for (long offset = 0; offset + t <= _files.SampleCount(file); offset += t)
            {
                pending.Add(new CropLocation(file, _files.Entries[file].Id, offset));
                if (pending.Count == b)
                {
                    yield return ReadBatch(pending);
                    pending.Clear();
                }
            }
        }
        if (pending.Count > 0)
            yield return ReadBatch(pending);
    }

    /// <inheritdoc />
    public void Dispose() => _files.Dispose();

    private CropBatch ReadBatch(IReadOnlyList<CropLocation> locations)
    {
        int t = _options.CropLength;
        var samples = new short[locations.Count * t];
        for (int i = 0; i < locations.Count; i++)
            _files.Read(locations[i].FileIndex, locations[i].Offset, samples.AsSpan(i * t, t));
        return new CropBatch(t, samples, locations.ToArray());
    }

    /// <summary>The eligible file whose cumulative sample range contains <paramref name="position"/>.</summary>
    private int PickFile(ulong position)
    {
        int k = Array.BinarySearch(_cumulativeSamples, (long)position + 1);
        return _eligible[k >= 0 ? k : ~k];
    }
}
