namespace Ada.Inference;

/// <summary>
/// Streams audio classes from a hierarchy: top prior → … → bottom level, each level producing its
/// codes just ahead of the level below (the bottom starts before the top has finished the take).
/// Stream b of a batch is the take (seed, variation b); its samples do not depend on the block sizes
/// callers pull or on which other streams share the batch.
/// </summary>
public sealed class HierarchySampler : IDisposable
{
    readonly LevelSampler[] _levels;   // [0] = top prior … [^1] = bottom (audio classes)
    readonly int[] _tokens;

    /// <summary>Chains the levels, top first; <paramref name="temperatures"/> has one entry per level, top first.</summary>
    /// <param name="levelsTopFirst">WaveNets (packed <see cref="FastWaveNet"/>s or a device implementation): the top prior, then each conditioned level down to audio.</param>
    /// <param name="streamSeeds">One seed per stream (see <see cref="StreamSeed"/>).</param>
    /// <param name="temperatures">Sampling temperature per level, top first.</param>
    public HierarchySampler(IReadOnlyList<IIncrementalWaveNet> levelsTopFirst, IReadOnlyList<ulong> streamSeeds, IReadOnlyList<float> temperatures)
    {
        if (levelsTopFirst.Count == 0) throw new ArgumentException("a hierarchy needs at least one level");
        if (temperatures.Count != levelsTopFirst.Count) throw new ArgumentException($"{temperatures.Count} temperatures for {levelsTopFirst.Count} levels");
        _levels = new LevelSampler[levelsTopFirst.Count];
        LevelSampler? above = null;
        for (int i = 0; i < levelsTopFirst.Count; i++)
            above = _levels[i] = new LevelSampler(levelsTopFirst[i], streamSeeds, levelsTopFirst.Count - 1 - i, temperatures[i], above);
        _tokens = new int[streamSeeds.Count];
    }

    /// <summary>The per-stream seed of take (seed, variation): a pure function of both.</summary>
    public static ulong StreamSeed(ulong seed, int variation) => CounterRng.Mix(seed ^ CounterRng.Mix((ulong)(uint)variation));

    /// <summary>Number of streams.</summary>
    public int Batch => _tokens.Length;

    /// <summary>Bottom-level samples generated so far per stream.</summary>
    public long Position => _levels[^1].Position;

    /// <summary>Generates the next <paramref name="frames"/> bottom-level tokens of every stream; stream b's go to b × frames.</summary>
    public void Generate(Span<int> destination, int frames)
    {
        if (destination.Length < frames * Batch) throw new ArgumentException($"destination holds {destination.Length}, needs {frames * Batch}");
        for (int t = 0; t < frames; t++)
        {
            _levels[^1].Next(_tokens);
            for (int b = 0; b < _tokens.Length; b++) destination[b * frames + t] = _tokens[b];
        }
    }

    /// <summary>Frees every level's streams: a device sampler's queues live until then.</summary>
    public void Dispose()
    {
        foreach (var level in _levels) level.Dispose();
    }

    /// <summary>
    /// Continues from a primer: <paramref name="codesTopFirst"/>[i] holds level i's token sequence for every stream
    /// (all streams share the primer). Lengths must nest: each level's length × its hop = the next level's length.
    /// </summary>
    public void Prime(IReadOnlyList<int[]> codesTopFirst)
    {
        if (codesTopFirst.Count != _levels.Length) throw new ArgumentException($"primer has {codesTopFirst.Count} levels, the hierarchy {_levels.Length}");
        if (_levels.Any(l => l.Position != 0)) throw new InvalidOperationException("prime before generating");
        for (int i = 1; i < _levels.Length; i++)
            if (codesTopFirst[i].Length != codesTopFirst[i - 1].Length * _levels[i].Spec.Hop)
                throw new ArgumentException($"primer level {i} has {codesTopFirst[i].Length} tokens, expected {codesTopFirst[i - 1].Length} × hop {_levels[i].Spec.Hop}");
        var tokens = new int[Batch];
        var frame = new int[Batch];
        for (int i = 0; i < _levels.Length; i++)
        {
            var sequence = codesTopFirst[i];
            int hop = _levels[i].Spec.Hop;
            for (int t = 0; t < sequence.Length; t++)
            {
                Array.Fill(tokens, sequence[t]);
                if (i > 0) Array.Fill(frame, codesTopFirst[i - 1][t / hop]);
                _levels[i].Force(tokens, frame);
            }
        }
    }
}
