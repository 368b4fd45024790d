using Ada.Audio;
using Ada.Service.Models;
using Ada.Service.Takes;

namespace Ada.Service.Streaming;

/// <summary>
/// Reads a take transposed like a sampler: output sample d (take-relative, host rate) is the take at host-rate time
/// d · 2^(semitones/12), i.e. at model sample u = d · step with step = 2^(semitones/12) · 16 kHz / host rate, evaluated
/// band-limited from the 16 kHz classes by a <see cref="SincInterpolator"/> (cutoff scaled by min(1, 1/step), so pitching up
/// never aliases). Each output is a pure function of the take and d, so a seek gives exactly the samples straight playback
/// gives. Positions before 0 are silence; so is everything after the kernel leaves the take. Not thread-safe.
/// </summary>
internal sealed class TransposedTakeStream : ITakeStream
{
    private const int InputBlock = 4096;
    private readonly TakeAudio _take;
    private readonly SincInterpolator _interpolator;
    private readonly byte[] _classes;
    private readonly float[] _window;
    private long _windowStart;
    private int _windowCount;

    /// <summary>A reader of <paramref name="take"/> at <paramref name="hostRate"/> Hz transposed by <paramref name="semitones"/>, positioned at 0.</summary>
    public TransposedTakeStream(TakeAudio take, int hostRate, double semitones)
    {
        _take = take;
        _interpolator = new SincInterpolator(Math.Pow(2, semitones / 12) * ResolvedPreset.ModelSampleRate / hostRate);
        // The last output whose kernel still reaches the take: d · step − reach ≤ length − 1.
        HostLength = (long)Math.Floor((take.Length - 1 + _interpolator.Reach) / _interpolator.Step) + 1;
        int capacity = InputBlock + 2 * (int)Math.Ceiling(_interpolator.Reach) + 2;
        _classes = new byte[capacity];
        _window = new float[capacity];
    }

    /// <summary>Output samples (host rate) until the transposed take has died away.</summary>
    public long HostLength { get; }

    /// <inheritdoc />
    public long Position { get; private set; }

    /// <inheritdoc />
    public long NeededInput => Position >= HostLength ? _take.Length : LastInput(Math.Max(Position, 0)) + 1;

    /// <inheritdoc />
    public void Seek(long position) => Position = position;

    /// <inheritdoc />
    public int Read(Span<float> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            if (Position < 0 || Position >= HostLength)
            {
                int silent = Position < 0 ? (int)Math.Min(destination.Length - done, -Position) : destination.Length - done;
                destination.Slice(done, silent).Clear();
                Position += silent;
                done += silent;
                continue;
            }
            double at = Position * _interpolator.Step;
            long first = _interpolator.FirstTap(at), last = LastInput(Position);
            if (last >= _take.Available) break;   // generation has not got that far
            if (first < _windowStart || last >= _windowStart + _windowCount) Fill(first);
            destination[done++] = _interpolator.Evaluate(_window.AsSpan(0, _windowCount), _windowStart, _take.Length, at);
            Position++;
        }
        return done;
    }

    /// <summary>The last model sample output <paramref name="d"/> reads.</summary>
    private long LastInput(long d) => _interpolator.LastTap(d * _interpolator.Step, _take.Length);

    /// <summary>Decodes the available classes from <paramref name="first"/> on into the window (as many as it holds).</summary>
    private void Fill(long first)
    {
        int n = _take.Read(first, _classes);
        MuLaw.Decode(_classes.AsSpan(0, n), _window);
        _windowStart = first;
        _windowCount = n;
    }
}
