namespace Ada.Protocol.Rings;

/// <summary>
/// The producer end of a shared-memory SPSC audio ring: creates and owns the file, writes interleaved float32
/// frames, publishes segments and a heartbeat. Write and BeginSegment from one thread, Heartbeat from one
/// thread (it may be another); disposing deletes the file.
/// </summary>
/// <remarks>
/// Protocol: frames are copied into free slots, then the write index is stored with release semantics, so a
/// reader that loads it (acquire) sees the frames. A seek starts a new <see cref="RingSegment"/> at the current
/// write index; the reader drops unread frames of older segments. The consumer's read index and heartbeat are
/// treated as untrusted input: nonsense values only ever stop writing, never write outside the ring.
/// </remarks>
public sealed unsafe class RingWriter : IDisposable
{
    private readonly RingMapping _ring;
    private readonly ulong _mask;
    private ulong _write;
    private ulong _heartbeat;
    private RingSegment _segment;
    private HeartbeatWatch _consumerWatch;
    private bool _disposed;

    private RingWriter(RingMapping ring, string path, RingOptions options)
    {
        _ring = ring;
        Path = path;
        Channels = options.Channels;
        SampleRate = options.SampleRate;
        CapacityFrames = options.CapacityFrames;
        TakeId = options.TakeId;
        _mask = (ulong)options.CapacityFrames - 1;
    }

    /// <summary>The ring file (send it to the reader, e.g. in <c>RingAttachedMessage</c>).</summary>
    public string Path { get; }

    /// <summary>Interleaved channels per frame.</summary>
    public int Channels { get; }

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Capacity in frames (a power of two).</summary>
    public int CapacityFrames { get; }

    /// <summary>The take the ring was created for.</summary>
    public ulong TakeId { get; }

    /// <summary>Frames written since creation (monotonic).</summary>
    public ulong WriteIndex => _write;

    /// <summary>The consumer's read index as last published (untrusted).</summary>
    public ulong ReadIndex => _ring.Load(RingLayout.ReadIndexOffset);

    /// <summary>True when the consumer's read index is ahead of the write index or more than a capacity behind.</summary>
    public bool IsConsumerFaulted => Buffered() < 0;

    /// <summary>Frames written but not yet consumed (0 when the consumer is faulted).</summary>
    public int BufferedFrames => Math.Max(Buffered(), 0);

    /// <summary>Frames that can be written now without overwriting unread ones (0 when the consumer is faulted).</summary>
    public int FreeFrames => Buffered() is var buffered and >= 0 ? CapacityFrames - buffered : 0;

    /// <summary>Underruns the consumer reported (untrusted, for status reports).</summary>
    public ulong Underruns => _ring.Load(RingLayout.UnderrunOffset);

    /// <summary>The last published segment (generation 0 before the first).</summary>
    public RingSegment Segment => _segment;

    /// <summary>
    /// Creates the ring file (temp name, initialised, then renamed into place so no reader sees a half-made header)
    /// and maps it. Throws <see cref="ArgumentException"/> for invalid options, <see cref="IOException"/> on file errors.
    /// </summary>
    public static RingWriter Create(RingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string folder = options.Directory ?? RingFiles.DefaultDirectory();
        string path = RingFiles.NewPath(folder, options.NamePrefix);
        string temp = path + ".tmp";
        long length = RingLayout.FileLength(options.CapacityFrames, options.Channels);

        var stream = new FileStream(temp, CreateOptions());
        RingMapping? ring = null;
        try
        {
            stream.SetLength(length);
            ring = RingMapping.Map(stream, length);
            RingLayout.WriteStatic(ring.Header, options.Channels, options.SampleRate, options.CapacityFrames, options.TakeId, Environment.ProcessId);
            File.Move(temp, path);
            return new RingWriter(ring, path, options);
        }
        catch
        {
            if (ring is null) stream.Dispose();
            else ring.Dispose();
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Copies as many whole frames of <paramref name="interleaved"/> (frames, channels) as fit and publishes them.
    /// </summary>
    /// <returns>Frames written (fewer than offered when the ring is nearly full).</returns>
    public int Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % Channels != 0)
            throw new ArgumentException($"Ring '{Path}' holds {Channels}-channel frames; {interleaved.Length} samples is not a whole number of frames.", nameof(interleaved));
        int frames = Math.Min(interleaved.Length / Channels, FreeFrames);
        if (frames == 0) return 0;

        int slot = (int)(_write & _mask);
        int first = Math.Min(frames, CapacityFrames - slot);
        interleaved[..(first * Channels)].CopyTo(new Span<float>(_ring.Data + (long)slot * Channels, first * Channels));
        interleaved[(first * Channels)..(frames * Channels)].CopyTo(new Span<float>(_ring.Data, (frames - first) * Channels));

        _write += (ulong)frames;
        _ring.Store(RingLayout.WriteIndexOffset, _write);
        return frames;
    }

    /// <summary>
    /// Starts a new segment at the current write index: the next frame written plays at <paramref name="projectPosition"/>.
    /// Unread frames of earlier segments become stale and the reader drops them.
    /// </summary>
    public RingSegment BeginSegment(long projectPosition, ulong takeId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _segment = new RingSegment(_write, projectPosition, takeId, _segment.Generation + 1);
        SegmentRecord.Publish(_ring, _segment);
        return _segment;
    }

    /// <summary>Bumps the producer heartbeat; call it regularly (e.g. every 50 ms) even when the ring is full.</summary>
    public void Heartbeat()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ring.Store(RingLayout.ProducerHeartbeatOffset, ++_heartbeat);
    }

    /// <summary>True when the consumer's heartbeat has not moved for more than <paramref name="timeout"/> ticks of the caller's clock.</summary>
    public bool IsConsumerStalled(long now, long timeout) =>
        _consumerWatch.IsStalled(_ring.Load(RingLayout.ConsumerHeartbeatOffset), now, timeout);

    /// <summary>Unmaps and deletes the ring file (a reader's existing mapping stays valid on Linux).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _ring.Dispose();
        try { File.Delete(Path); }
        catch (IOException) { } // Windows refuses while a reader still maps it; the temp folder is cleaned by the OS.
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Unread frames from one load of the read index; -1 when that index is impossible (consumer is broken).</summary>
    private int Buffered()
    {
        ulong read = ReadIndex;
        return read > _write || _write - read > (ulong)CapacityFrames ? -1 : (int)(_write - read);
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite | FileShare.Delete, // Delete: lets Windows rename the file while it is open.
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}
