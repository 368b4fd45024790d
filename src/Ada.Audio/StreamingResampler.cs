namespace Ada.Audio;

/// <summary>Band-limited mono resampler for block streams: the output is bit-identical however the input is split into blocks.</summary>
/// <remarks>Output sample m + <see cref="Delay"/> corresponds to time m / toRate of the input; <see cref="Flush"/> drains the tail
/// so that, after dropping the first Delay samples, the stream holds round(n · to / from) samples, exactly <see cref="Resampler.Resample(ReadOnlySpan{float}, int, int, ResamplerQuality?)"/>'s output.
/// Process and Flush allocate nothing.</remarks>
public sealed class StreamingResampler
{
    readonly PolyphaseFilter _filter;
    readonly float[] _history;  // (2K,) the last K inputs, written twice so the window [_write, _write + K) is contiguous
    readonly int _firstPhase;   // up-rate time of output 0, after the whole-sample part of the delay is moved into Delay
    int _write;
    int _phase;                 // up-rate time of the next output minus L × (index of the newest input)
    bool _flushed;

    /// <summary>Designs (or reuses) the filter for <paramref name="fromRate"/> → <paramref name="toRate"/> Hz.</summary>
    public StreamingResampler(int fromRate, int toRate, ResamplerQuality? quality = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        quality ??= ResamplerQuality.Default;
        quality.Validate();
        FromRate = fromRate;
        ToRate = toRate;
        _filter = PolyphaseFilter.For(fromRate, toRate, quality);
        Delay = _filter.Center / _filter.Down;
        _firstPhase = _filter.Center - Delay * _filter.Down;
        _history = new float[2 * _filter.TapsPerPhase];
        Reset();
    }

    /// <summary>Input rate in Hz.</summary>
    public int FromRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int ToRate { get; }

    /// <summary>Group delay in output samples: output index Delay + m is aligned with input time m / ToRate.</summary>
    public int Delay { get; }

    /// <summary>Multiply-adds per output sample (the filter's taps per phase), a measure of CPU cost.</summary>
    public int TapsPerOutput => _filter.TapsPerPhase;

    /// <summary>Input samples consumed since construction or <see cref="Reset"/>.</summary>
    public long InputCount { get; private set; }

    /// <summary>Output samples produced since construction or <see cref="Reset"/>.</summary>
    public long OutputCount { get; private set; }

    /// <summary>An upper bound on what <see cref="Process"/> writes for <paramref name="inputLength"/> input samples.</summary>
    public int MaxOutputLength(int inputLength) =>
        checked((int)(((long)inputLength * _filter.Up + _filter.Down - 1) / _filter.Down + 1));

    /// <summary>Exactly how many samples <see cref="Flush"/> will write now.</summary>
    public int FlushLength => _flushed ? 0 : (int)Math.Max(0, FlushTarget - OutputCount);

    /// <summary>Consumes <paramref name="input"/> and writes every output it completes; returns the count written.</summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        ThrowIfFlushed();
        long due = OutputsAfter(InputCount + input.Length) - OutputCount;
        if (output.Length < due)
            throw new ArgumentException($"output has room for {output.Length} samples but this block completes {due}", nameof(output));
        int written = 0;
        foreach (float x in input)
            written += Push(x, output[written..], long.MaxValue);
        InputCount += input.Length;
        return written;
    }

    /// <summary>Ends the stream: writes the <see cref="FlushLength"/> samples still owed (as if the input continued with silence).</summary>
    public int Flush(Span<float> output)
    {
        ThrowIfFlushed();
        long target = FlushTarget;
        if (output.Length < target - OutputCount)
            throw new ArgumentException($"output has room for {output.Length} samples but the flush writes {target - OutputCount}", nameof(output));
        int written = 0;
        while (OutputCount < target)
            written += Push(0f, output[written..], target);
        _flushed = true;
        return written;
    }

    /// <summary>Forgets all input, ready for a new stream.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _write = 0;
        _phase = _firstPhase;
        InputCount = 0;
        OutputCount = 0;
        _flushed = false;
    }

    long FlushTarget => Delay + Resampler.AlignedLength(InputCount, FromRate, ToRate);

    // Outputs m whose newest input, (m·M + firstPhase) div L, is among the first `inputs` samples.
    long OutputsAfter(long inputs)
    {
        long last = inputs * _filter.Up - 1 - _firstPhase;
        return last < 0 ? 0 : last / _filter.Down + 1;
    }

    int Push(float x, Span<float> output, long limit)
    {
        int taps = _filter.TapsPerPhase;
        _history[_write] = x;
        _history[_write + taps] = x;
        _write = _write + 1 == taps ? 0 : _write + 1;
        var window = _history.AsSpan(_write, taps);
        int written = 0;
        while (_phase < _filter.Up && OutputCount < limit)
        {
            output[written++] = DeterministicDot.Dot(_filter.Phase(_phase), window);
            _phase += _filter.Down;
            OutputCount++;
        }
        _phase -= _filter.Up;
        return written;
    }

    void ThrowIfFlushed()
    {
        if (_flushed)
            throw new InvalidOperationException("the stream was flushed; call Reset() before processing a new one");
    }
}
