using Ada.Audio;
using Ada.Service.Models;
using Ada.Service.Takes;

namespace Ada.Service.Streaming;

/// <summary>
/// Reads a take at the host rate from any position: mu-law decode, then a <see cref="StreamingResampler"/> with its delay
/// removed, so host sample n equals sample n of <c>Resampler.Resample(whole take)</c> bit for bit. Positions before 0 and
/// after the end are silence. Not thread-safe (one ring feeder owns it).
/// </summary>
/// <remarks>
/// Seeking restarts the resampler at an input index k0 that is a multiple of the reduced decimation factor M (so every
/// later output has the same polyphase phase as in the whole-take stream) and at least K + 1 inputs before the first
/// output wanted (so its window holds real samples, not the restart's zero history); outputs before it are discarded.
/// The dot product is alignment-independent, so equal windows give equal bits.
/// </remarks>
internal sealed class TakeStream : ITakeStream
{
    private const int InputBlock = 512;
    private readonly TakeAudio _take;
    private readonly StreamingResampler _resampler;
    private readonly int _up, _down;
    private readonly byte[] _classes = new byte[InputBlock];
    private readonly float[] _input = new float[InputBlock];
    private float[] _output;
    private int _outputStart, _outputCount;
    private long _nextInput;        // model sample the resampler reads next
    private long _discard;          // resampler outputs still to drop before _resamplerAt
    private long? _resamplerAt;     // host sample the next kept resampler output is; null: restart before use
    private bool _flushed;

    /// <summary>A reader of <paramref name="take"/> at <paramref name="hostRate"/> Hz, positioned at host sample 0.</summary>
    public TakeStream(TakeAudio take, int hostRate)
    {
        _take = take;
        _resampler = new StreamingResampler(ResolvedPreset.ModelSampleRate, hostRate);
        int gcd = (int)System.Numerics.BigInteger.GreatestCommonDivisor(ResolvedPreset.ModelSampleRate, hostRate);
        _up = hostRate / gcd;
        _down = ResolvedPreset.ModelSampleRate / gcd;
        _output = new float[_resampler.MaxOutputLength(InputBlock)];
        HostLength = Resampler.OutputLength(checked((int)take.Length), ResolvedPreset.ModelSampleRate, hostRate);
    }

    /// <summary>Samples of the take at the host rate.</summary>
    public long HostLength { get; }

    /// <inheritdoc />
    public long Position { get; private set; }

    /// <inheritdoc />
    public long NeededInput =>
        Position >= HostLength ? _take.Length
        : Position < 0 || _resamplerAt != Position ? Math.Min(RestartInput(Math.Max(Position, 0)), _take.Length)
        : _nextInput;

    /// <inheritdoc />
    public void Seek(long position)
    {
        Position = position;
        _resamplerAt = null;
    }

    /// <inheritdoc />
    public int Read(Span<float> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            var rest = destination[done..];
            if (Position < 0 || Position >= HostLength)
            {
                int silent = Position < 0 ? (int)Math.Min(rest.Length, -Position) : rest.Length;
                rest[..silent].Clear();
                Advance(silent, ref done);
                continue;
            }
            if (_resamplerAt != Position) Restart(Position);
            if (_outputCount > 0)
            {
                int n = (int)Math.Min(Math.Min(rest.Length, _outputCount), HostLength - Position);
                _output.AsSpan(_outputStart, n).CopyTo(rest);
                _outputStart += n;
                _outputCount -= n;
                _resamplerAt += n;
                Advance(n, ref done);
                continue;
            }
            if (!Produce()) break;
        }
        return done;
    }

    private void Advance(int samples, ref int done)
    {
        Position += samples;
        done += samples;
    }

    /// <summary>Feeds the resampler the next available input block (or flushes at the end); false while waiting for generation.</summary>
    private bool Produce()
    {
        int produced;
        if (_nextInput < _take.Length)
        {
            int n = _take.Read(_nextInput, _classes);
            if (n == 0) return false;
            MuLaw.Decode(_classes.AsSpan(0, n), _input);
            produced = _resampler.Process(_input.AsSpan(0, n), _output);
            _nextInput += n;
        }
        else if (!_flushed)
        {
            if (_output.Length < _resampler.FlushLength) _output = new float[_resampler.FlushLength];
            produced = _resampler.Flush(_output);
            _flushed = true;
        }
        else
        {
            throw new InvalidOperationException($"{_take.Spec}: resampler flushed at host sample {Position} of {HostLength}");
        }
        int skip = (int)Math.Min(_discard, produced);
        _discard -= skip;
        _outputStart = skip;
        _outputCount = produced - skip;
        return true;
    }

    /// <summary>Restarts the resampler so that its next kept output is take host sample <paramref name="position"/>.</summary>
    private void Restart(long position)
    {
        long k0 = RestartInput(position);
        long raw = position + _resampler.Delay;        // index of that output in the whole-take stream
        long skipped = k0 / _down * _up;               // whole-take outputs before the restarted stream's first
        _resampler.Reset();
        _nextInput = k0;
        _discard = raw - skipped;
        _outputCount = 0;
        _flushed = false;
        _resamplerAt = position;
    }

    /// <summary>The input index a restart for host sample <paramref name="position"/> starts from.</summary>
    private long RestartInput(long position)
    {
        long raw = position + _resampler.Delay;
        long newest = raw * _down / _up;               // lower bound of the newest input that output reads
        long k0 = Math.Max(0, newest - _resampler.TapsPerOutput - 1);
        return k0 / _down * _down;
    }
}
