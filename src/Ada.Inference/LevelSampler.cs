namespace Ada.Inference;

/// <summary>
/// One level of the hierarchy generating tokens for a batch of streams in lock-step: it pulls a code
/// frame from the level above every <see cref="WaveNetSpec.Hop"/> tokens, steps the WaveNet and
/// samples. Token t of stream b depends only on (seed of b, level, t) and the model, never on the
/// batch it runs in or on how callers slice the output.
/// </summary>
public sealed class LevelSampler : IDisposable
{
    readonly IIncrementalWaveNet _net;
    readonly IWaveNetStreams _state;
    readonly LevelSampler? _above;
    readonly ulong[] _streamSeeds;
    readonly int _level;
    readonly int[] _previous, _codes, _next;
    readonly float[] _logits, _scratch;

    /// <summary>Creates a level; <paramref name="above"/> supplies its conditioning codes (null for the top prior).</summary>
    /// <param name="net">The level's WaveNet (the CPU <see cref="FastWaveNet"/> or a device implementation).</param>
    /// <param name="streamSeeds">One seed per stream; the batch size is their count.</param>
    /// <param name="level">Level index, mixed into the random counters so levels draw independent numbers.</param>
    /// <param name="temperature">Sampling temperature for this level.</param>
    /// <param name="above">The level whose tokens condition this one; its batch must match.</param>
    public LevelSampler(IIncrementalWaveNet net, IReadOnlyList<ulong> streamSeeds, int level, float temperature, LevelSampler? above)
    {
        if (net.Spec.IsConditioned != (above != null))
            throw new ArgumentException(net.Spec.IsConditioned ? $"level {level} is conditioned but has no level above" : $"level {level} is unconditional but was given a level above");
        if (above != null && above.Spec.Classes != net.Spec.CondClasses)
            throw new ArgumentException($"level {level} expects {net.Spec.CondClasses} codes, the level above produces {above.Spec.Classes}");
        if (above != null && above.Batch != streamSeeds.Count)
            throw new ArgumentException("all levels must run the same streams");
        if (temperature < 0) throw new ArgumentOutOfRangeException(nameof(temperature), "temperature must be ≥ 0");
        _net = net;
        _above = above;
        _level = level;
        Temperature = temperature;
        _streamSeeds = streamSeeds.ToArray();
        int batch = _streamSeeds.Length;
        _state = net.CreateStreams(batch);
        _previous = Enumerable.Repeat(net.Spec.PadClass, batch).ToArray();
        _codes = new int[batch];
        _next = new int[batch];
        _logits = new float[batch * net.Spec.Classes];
        _scratch = new float[net.Spec.Classes];
    }

    /// <summary>The level's model shape.</summary>
    public WaveNetSpec Spec => _net.Spec;

    /// <summary>Number of streams.</summary>
    public int Batch => _streamSeeds.Length;

    /// <summary>Tokens generated (or forced) so far per stream.</summary>
    public long Position => _state.Time;

    /// <summary>Softmax temperature.</summary>
    public float Temperature { get; }

    /// <summary>Generates the next token of every stream into <paramref name="tokens"/> (length ≥ <see cref="Batch"/>).</summary>
    public void Next(Span<int> tokens)
    {
        Advance();
        var q = _net.Spec.Classes;
        for (int b = 0; b < _next.Length; b++)
        {
            double u = CounterRng.Uniform(_streamSeeds[b], (ulong)_level, (ulong)(_state.Time - 1));
            _next[b] = CategoricalSampler.Sample(_logits.AsSpan(b * q, q), Temperature, u, _scratch);
        }
        _next.CopyTo(tokens);
        _next.CopyTo(_previous, 0);
    }

    /// <summary>
    /// Feeds known tokens (a primer) instead of sampling. The level above is not consulted: the caller
    /// forces it separately with <paramref name="frameCodes"/>'s sequence, so every level's state ends
    /// where free generation continues consistently (prime a whole number of top-level frames).
    /// </summary>
    /// <param name="tokens">This step's token per stream.</param>
    /// <param name="frameCodes">The current code frame per stream (read only at frame starts of a conditioned level).</param>
    public void Force(ReadOnlySpan<int> tokens, ReadOnlySpan<int> frameCodes)
    {
        if (_net.Spec.IsConditioned && _state.Time % _net.Spec.Hop == 0) frameCodes[..Batch].CopyTo(_codes);
        _state.Step(_previous, _codes, _logits);
        for (int b = 0; b < _previous.Length; b++)
        {
            if ((uint)tokens[b] >= (uint)_net.Spec.Classes) throw new ArgumentOutOfRangeException(nameof(tokens), $"token {tokens[b]} outside 0..{_net.Spec.Classes - 1}");
            _previous[b] = tokens[b];
        }
    }

    /// <summary>Frees the level's streams (device queues, for a device implementation); the level above is its owner's to dispose.</summary>
    public void Dispose() => _state.Dispose();

    void Advance()
    {
        if (_above != null && _state.Time % _net.Spec.Hop == 0) _above.Next(_codes);
        _state.Step(_previous, _codes, _logits);
    }
}
