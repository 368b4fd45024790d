using Ada.Protocol.Rings;
using Ada.Service.Models;
using Ada.Service.Takes;

namespace Ada.Service.Streaming;

/// <summary>
/// Keeps one armed take's ring filled to its target depth: stereo float32 frames (both channels the take's mono signal)
/// from the take cache, from the ring's current segment on, placed by its <see cref="TakePlacement"/> (take sample n lands on
/// project sample start + n, transposed when asked). Never blocks on
/// generation: it writes what is available and tries again on the next pump pass. Every ring call happens under the
/// feeder's lock (pump thread or the owning session), which also keeps the writer's one-thread-at-a-time rule.
/// </summary>
internal sealed class RingFeeder : IDisposable
{
    private const int Channels = 2;
    private const int BlockFrames = 1024;
    private readonly Lock _lock = new();
    private readonly RingWriter _writer;
    private readonly TakeLease _lease;
    private readonly RingInterest _interest;
    private readonly ITakeStream _stream;
    private readonly float[] _mono = new float[BlockFrames];
    private readonly float[] _stereo = new float[BlockFrames * Channels];
    private bool _disposed;

    private RingFeeder(RingWriter writer, TakeLease lease, RingInterest interest, TakePlacement placement, int targetFrames)
    {
        _writer = writer;
        _lease = lease;
        _interest = interest;
        Placement = placement;
        _stream = placement.Open(lease.Take, writer.SampleRate);
        TargetFrames = targetFrames;
    }

    /// <summary>
    /// Takes over <paramref name="writer"/>, claims take <paramref name="spec"/> from the cache and starts a segment at
    /// project sample <paramref name="position"/>. On failure the claim is withdrawn (the caller still owns the writer).
    /// </summary>
    public static RingFeeder Create(RingWriter writer, TakeCache cache, TakeSpec spec, TakePlacement placement, PlaybackState playback,
        int clientId, int targetFrames, TimeSpan starvingLead, long position)
    {
        // A take pitched up is consumed faster: the lead is in playing time, so it covers more model samples.
        long lead = (long)(starvingLead.TotalSeconds * ResolvedPreset.ModelSampleRate * Math.Max(1, placement.Speed));
        var interest = new RingInterest(clientId, playback, lead);
        var lease = cache.Acquire(spec, interest);
        try
        {
            var feeder = new RingFeeder(writer, lease, interest, placement, targetFrames);
            feeder.Seek(position);
            return feeder;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Where the take plays and how it is transposed.</summary>
    public TakePlacement Placement { get; }

    /// <summary>Frames kept buffered ahead of the reader.</summary>
    public int TargetFrames { get; }

    /// <summary>The ring.</summary>
    public RingWriter Writer => _writer;

    /// <summary>The take streamed.</summary>
    public TakeAudio Take => _lease.Take;

    /// <summary>Frames buffered and underruns the reader reported; zeros once disposed.</summary>
    public (int Buffered, ulong Underruns) Health()
    {
        lock (_lock) return _disposed ? (0, 0) : (_writer.BufferedFrames, _writer.Underruns);
    }

    /// <summary>Project sample the reader plays next (its read index mapped through the current segment).</summary>
    public long ReaderPosition()
    {
        lock (_lock)
        {
            if (_disposed) return 0;
            var segment = _writer.Segment;
            ulong read = _writer.ReadIndex;
            return read >= segment.StartIndex && read <= _writer.WriteIndex ? segment.PositionOf(read) : segment.ProjectPosition;
        }
    }

    /// <summary>Starts a new segment: the next frame written plays at project sample <paramref name="projectSample"/>.</summary>
    public void Seek(long projectSample)
    {
        lock (_lock)
        {
            if (_disposed) return;
            _writer.BeginSegment(projectSample, _writer.TakeId);
            _stream.Seek(Placement.TakeSample(projectSample));
            _interest.NeededInput = _stream.NeededInput;
        }
    }

    /// <summary>Bumps the heartbeat and tops the ring up to its target depth from what the cache has; returns frames written.</summary>
    public int Pump()
    {
        lock (_lock)
        {
            if (_disposed) return 0;
            _writer.Heartbeat();
            int want = Math.Min(TargetFrames - _writer.BufferedFrames, _writer.FreeFrames);
            int written = 0;
            while (written < want)
            {
                int n = _stream.Read(_mono.AsSpan(0, Math.Min(want - written, BlockFrames)));
                if (n == 0) break;
                for (int i = 0; i < n; i++) _stereo[2 * i] = _stereo[2 * i + 1] = _mono[i];   // (frames, 2)
                int accepted = _writer.Write(_stereo.AsSpan(0, n * Channels));
                written += accepted;
                if (accepted == n) continue;
                // The reader published an impossible read index: keep the stream on the next frame's position and stop.
                _stream.Seek(Placement.TakeSample(_writer.Segment.PositionOf(_writer.WriteIndex)));
                break;
            }
            _interest.NeededInput = _stream.NeededInput;
            return written;
        }
    }

    /// <summary>Deletes the ring file and withdraws the claim on the take (cancelling generation nobody else needs).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _writer.Dispose();
        }
        _lease.Dispose();
    }
}
