using System.Diagnostics.CodeAnalysis;

namespace Ada.Protocol.Rings;

/// <summary>
/// The consumer end of a shared-memory SPSC audio ring (the plugin's audio thread). Opening validates the file
/// before trusting it; after that, reads never allocate, lock, block or throw: a ring whose indices or segment
/// record turn into nonsense is marked <see cref="Fault"/>ed and yields silence.
/// </summary>
/// <remarks>
/// Exactly one reader per ring, and every method called from one thread (the audio thread); dispose it only
/// after that thread has stopped calling. Each call loads the write index (acquire), then the segment record; frames of
/// segments older than the newest are dropped unread, so after a seek the reader never plays pre-seek audio.
/// </remarks>
public sealed unsafe class RingReader : IDisposable
{
    private readonly RingMapping _ring;
    private readonly RingFormat _format;
    private readonly ulong _mask;
    private ulong _read;
    private ulong _underruns;
    private ulong _heartbeat;
    private RingSegment _segment;
    private HeartbeatWatch _producerWatch;
    private RingErrorCode _fault;
    private bool _disposed;

    private RingReader(RingMapping ring, string path, RingFormat format)
    {
        _ring = ring;
        _format = format;
        Path = path;
        _mask = (ulong)format.CapacityFrames - 1;
        _read = ring.Load(RingLayout.ReadIndexOffset);
        _underruns = ring.Load(RingLayout.UnderrunOffset);
        _heartbeat = ring.Load(RingLayout.ConsumerHeartbeatOffset);
    }

    /// <summary>The ring file.</summary>
    public string Path { get; }

    /// <summary>Interleaved channels per frame.</summary>
    public int Channels => _format.Channels;

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate => _format.SampleRate;

    /// <summary>Capacity in frames (a power of two).</summary>
    public int CapacityFrames => _format.CapacityFrames;

    /// <summary>The take the ring was created for (segments carry the current one).</summary>
    public ulong TakeId => _format.TakeId;

    /// <summary>Process id of the service that created the ring.</summary>
    public int CreatorProcessId => _format.CreatorProcessId;

    /// <summary>Why the ring stopped being trusted; <see cref="RingErrorCode.None"/> while it is fine.</summary>
    public RingErrorCode Fault => _fault;

    /// <summary>True once the ring is no longer trusted (drop it and ask for a new one).</summary>
    public bool IsFaulted => _fault != RingErrorCode.None;

    /// <summary>Frames consumed since creation (monotonic).</summary>
    public ulong ReadIndex => _read;

    /// <summary>Underruns counted on this ring.</summary>
    public ulong Underruns => _underruns;

    /// <summary>The newest segment seen (generation 0 before the producer published one).</summary>
    public RingSegment Segment => _segment;

    /// <summary>Frames readable now, all in the newest segment (stale frames are dropped first); 0 when faulted.</summary>
    public int AvailableFrames => Sync(out ulong write) ? (int)(write - _read) : 0;

    /// <summary>
    /// Opens and maps an existing ring after checking magic, version, header size, channels, sample rate,
    /// power-of-two capacity, checksum, file length and index consistency. Never throws: any problem is a false
    /// return with <paramref name="error"/> naming the file and field.
    /// </summary>
    public static bool TryOpen(string path, [NotNullWhen(true)] out RingReader? reader, out RingError error)
    {
        reader = null;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return RingError.Fail(RingErrorCode.NotFound, $"ring '{path}' does not exist", out error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return RingError.Fail(RingErrorCode.IoError, $"ring '{path}' cannot be opened: {e.Message}", out error);
        }

        RingMapping? ring = null;
        try
        {
            Span<byte> line0 = stackalloc byte[RingLayout.StaticBytes];
            int got = RandomAccess.Read(stream.SafeFileHandle, line0, 0);
            if (!RingFormat.TryParse(line0[..got], stream.Length, path, out var format, out error))
            {
                stream.Dispose();
                return false;
            }
            ring = RingMapping.Map(stream, format.FileLength);
            var candidate = new RingReader(ring, path, format);
            if (!candidate.Sync(out _))
            {
                error = new RingError(candidate.Fault, $"ring '{path}': {candidate.FaultDescription}");
                candidate.Dispose();
                return false;
            }
            reader = candidate;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (ring is null) stream.Dispose();
            else ring.Dispose();
            return RingError.Fail(RingErrorCode.IoError, $"ring '{path}' cannot be mapped: {e.Message}", out error);
        }
    }

    /// <summary>What <see cref="Fault"/> means, in words (allocates; not for the audio thread).</summary>
    public string FaultDescription => _fault switch
    {
        RingErrorCode.None => "no fault",
        RingErrorCode.InconsistentIndices => "write index is below the read index or more than a capacity ahead of it",
        RingErrorCode.SegmentCorrupt => "segment generation went backwards",
        _ => _fault.ToString(),
    };

    /// <summary>Copies up to <paramref name="destination"/>.Length / Channels frames in order; returns frames read (0 when faulted).</summary>
    public int Read(Span<float> destination)
    {
        if (!Sync(out ulong write)) return 0;
        int frames = (int)Math.Min(write - _read, (ulong)(destination.Length / Channels));
        CopyOut(destination, frames);
        Advance(frames);
        return frames;
    }

    /// <summary>Drops up to <paramref name="frames"/> frames unread; returns frames dropped.</summary>
    public int Skip(int frames)
    {
        if (frames <= 0 || !Sync(out ulong write)) return 0;
        int dropped = (int)Math.Min(write - _read, (ulong)frames);
        Advance(dropped);
        return dropped;
    }

    /// <summary>The next frame's project position and what follows it; false while faulted or before the first segment.</summary>
    public bool TryGetCursor(out RingCursor cursor)
    {
        if (!Sync(out ulong write) || _segment.Generation == 0)
        {
            cursor = default;
            return false;
        }
        cursor = new RingCursor(NextPosition(), _segment.TakeId, _segment.Generation, (int)(write - _read));
        return true;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> (frames, channels) with the frames that play at project samples
    /// <paramref name="projectPosition"/>.. onwards: older ring frames are dropped, frames the ring does not have
    /// are silence. A shortfall at the right position counts one underrun.
    /// </summary>
    public RingReadResult ReadAt(long projectPosition, Span<float> destination)
    {
        int frames = destination.Length / Channels;
        destination[(frames * Channels)..].Clear();
        if (!Sync(out ulong write) || _segment.Generation == 0)
            return Silence(destination, IsFaulted ? RingReadStatus.Faulted : RingReadStatus.NoSegment, 0);

        long next = NextPosition();
        if (next < projectPosition)
        {
            int dropped = (int)Math.Min((ulong)(projectPosition - next), write - _read);
            Advance(dropped);
            next += dropped;
            if (next < projectPosition) return Silence(destination, RingReadStatus.Behind, 0);
        }
        // next >= projectPosition here; the unsigned difference stays exact even for extreme (garbage) positions.
        ulong gap = (ulong)(next - projectPosition);
        if (gap >= (ulong)frames) return Silence(destination, RingReadStatus.Ahead, frames);

        int lead = (int)gap;
        destination[..(lead * Channels)].Clear();
        int copied = Math.Min(frames - lead, (int)(write - _read));
        CopyOut(destination[(lead * Channels)..], copied);
        Advance(copied);
        destination[((lead + copied) * Channels)..].Clear();
        if (lead + copied == frames) return new RingReadResult(RingReadStatus.Ok, copied, lead);
        ReportUnderrun();
        return new RingReadResult(RingReadStatus.Underrun, copied, lead);
    }

    /// <summary>Counts an underrun in the shared header (the service reports it in Status).</summary>
    public void ReportUnderrun()
    {
        if (!_disposed) _ring.Store(RingLayout.UnderrunOffset, ++_underruns);
    }

    /// <summary>Bumps the consumer heartbeat, so the service can tell a live plugin from a dead one.</summary>
    public void Heartbeat()
    {
        if (!_disposed) _ring.Store(RingLayout.ConsumerHeartbeatOffset, ++_heartbeat);
    }

    /// <summary>
    /// True when the producer heartbeat has not moved for more than <paramref name="timeout"/> ticks of the caller's
    /// clock <paramref name="now"/> (any monotonic unit, e.g. samples processed or Stopwatch ticks).
    /// </summary>
    public bool IsProducerStalled(long now, long timeout) =>
        !_disposed && _producerWatch.IsStalled(_ring.Load(RingLayout.ProducerHeartbeatOffset), now, timeout);

    /// <summary>Unmaps the ring (the file belongs to the writer and stays).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _ring.Dispose();
    }

    /// <summary>
    /// Loads the write index (acquire) and then the segment record, checks both, and drops frames of superseded
    /// segments. False when faulted, disposed, or the segment record was mid-update on every attempt.
    /// </summary>
    private bool Sync(out ulong write)
    {
        write = _read;
        if (_fault != RingErrorCode.None || _disposed) return false;
        ulong published = _ring.Load(RingLayout.WriteIndexOffset);
        if (published < _read || published - _read > (ulong)CapacityFrames) return Trip(RingErrorCode.InconsistentIndices);
        if (!SegmentRecord.TryRead(_ring, out var segment)) return false;
        if (segment.Generation < _segment.Generation) return Trip(RingErrorCode.SegmentCorrupt);
        _segment = segment;
        if (segment.Generation != 0 && segment.StartIndex > _read)
        {
            _read = Math.Min(segment.StartIndex, published);
            _ring.Store(RingLayout.ReadIndexOffset, _read);
        }
        write = published;
        return true;
    }

    /// <summary>Project position of the frame at the read index (the segment's first frame while none of it has arrived).</summary>
    private long NextPosition() =>
        _read >= _segment.StartIndex ? _segment.PositionOf(_read) : _segment.ProjectPosition;

    private bool Trip(RingErrorCode fault)
    {
        _fault = fault;
        return false;
    }

    private void CopyOut(Span<float> destination, int frames)
    {
        int slot = (int)(_read & _mask);
        int first = Math.Min(frames, CapacityFrames - slot);
        new ReadOnlySpan<float>(_ring.Data + (long)slot * Channels, first * Channels).CopyTo(destination);
        new ReadOnlySpan<float>(_ring.Data, (frames - first) * Channels).CopyTo(destination[(first * Channels)..]);
    }

    private void Advance(int frames)
    {
        if (frames == 0) return;
        _read += (ulong)frames;
        _ring.Store(RingLayout.ReadIndexOffset, _read);
    }

    private static RingReadResult Silence(Span<float> destination, RingReadStatus status, int leadingSilence)
    {
        destination.Clear();
        return new RingReadResult(status, 0, leadingSilence);
    }
}
