using Ada.Protocol;
using Ada.Protocol.Rings;
using Ada.Protocol.Transport;

namespace Ada.Service;

/// <summary>Configuration of one service instance; every field has a working default.</summary>
public sealed record ServiceOptions
{
    /// <summary>Unix socket the service listens on.</summary>
    public string SocketPath { get; init; } = ProtocolPaths.DefaultSocketPath();

    /// <summary>Folder searched for presets named by clients (<c>{name}.json</c> or a preset whose "name" matches); null: paths only.</summary>
    public string? PresetsFolder { get; init; }

    /// <summary>Disk take cache (chunk files per take id); null disables the disk cache.</summary>
    public string? CacheFolder { get; init; } = DefaultCacheFolder();

    /// <summary>
    /// Byte budget of the disk take cache: beyond it the least recently used takes' folders are deleted (never a take in use),
    /// so the cache may exceed it only while the takes in use alone do. A take costs ~16 KB per second of audio.
    /// </summary>
    public long DiskCacheBytes { get; init; } = 2L << 30;

    /// <summary>Folder for ring files (<c>/dev/shm</c> by default).</summary>
    public string RingDirectory { get; init; } = RingFiles.DefaultDirectory();

    /// <summary>The service stops once no client has been attached for this long; <see cref="Timeout.InfiniteTimeSpan"/> never.</summary>
    public TimeSpan IdleShutdown { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the service sends each client a Heartbeat (ring heartbeats are bumped on every pump pass).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = ProtocolTimeouts.ServiceHeartbeatInterval;

    /// <summary>A client that sends nothing (not even a Heartbeat) for this long is treated as dead.</summary>
    public TimeSpan ClientTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A reply that cannot be sent within this long drops the client (it stopped reading).</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Generation worker threads (one per core by default).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Frames each ring is kept filled to ahead of its reader (converted at the host rate).</summary>
    public TimeSpan RingTargetDepth { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Ring capacity in frames (a power of two); null: the smallest power of two holding twice the target depth.</summary>
    public int? RingCapacityFrames { get; init; }

    /// <summary>A playing take rendered less than this far ahead of its reader is starving and is generated first.</summary>
    public TimeSpan StarvingLead { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most takes generated together as streams of one sampler batch.</summary>
    public int MaxBatch { get; init; } = 8;

    /// <summary>Model-rate samples generated per worker step (scheduling granularity; the audio does not depend on it).</summary>
    public int GenerationBlock { get; init; } = 1600;

    /// <summary>A pending take joins a same-model batch that has generated at most this many samples (the batch restarts from 0).</summary>
    public int BatchMergeSamples { get; init; } = 16_000;

    /// <summary>Model-rate samples per cache chunk (memory and disk).</summary>
    public int CacheChunkSamples { get; init; } = 16_000;

    /// <summary>Memory budget for cached takes nobody uses any more (the least recently used are dropped first).</summary>
    public long MemoryCacheBytes { get; init; } = 256L << 20;

    /// <summary>Most rings (armed takes) one client may hold.</summary>
    public int MaxRingsPerClient { get; init; } = 64;

    /// <summary>Longest primer accepted, in frames (mono or stereo).</summary>
    public long MaxPrimerFrames { get; init; } = 48_000L * 60;

    /// <summary>A note-on of a variation that is not armed pre-renders that take (variation = note number).</summary>
    public bool PrerenderOnNoteOn { get; init; } = true;

    /// <summary>Most note-on pre-renders one client keeps (older ones are cancelled).</summary>
    public int MaxPrerendersPerClient { get; init; } = 16;

    /// <summary>Where log lines go (the CLI passes stderr); null: nowhere.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>$ADA_CACHE/takes, else $XDG_CACHE_HOME/adaplugin/takes, else ~/.cache/adaplugin/takes.</summary>
    public static string DefaultCacheFolder()
    {
        string root = Environment.GetEnvironmentVariable("ADA_CACHE") is { Length: > 0 } ada ? ada
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "adaplugin");
        return Path.Combine(root, "takes");
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (ProtocolPaths.CheckSocketPath(SocketPath) is { } socketProblem) throw Bad(nameof(SocketPath), socketProblem);
        if (string.IsNullOrEmpty(RingDirectory)) throw Bad(nameof(RingDirectory), "is empty");
        if (IdleShutdown <= TimeSpan.Zero && IdleShutdown != Timeout.InfiniteTimeSpan) throw Bad(nameof(IdleShutdown), $"{IdleShutdown} is not positive");
        Positive(nameof(HeartbeatInterval), HeartbeatInterval);
        Positive(nameof(ClientTimeout), ClientTimeout);
        Positive(nameof(SendTimeout), SendTimeout);
        Positive(nameof(RingTargetDepth), RingTargetDepth);
        Positive(nameof(StarvingLead), StarvingLead);
        if (Workers is < 1 or > 256) throw Bad(nameof(Workers), $"{Workers} is outside 1..256");
        if (RingCapacityFrames is { } capacity && (capacity is < MinRingCapacity or > MaxRingCapacity || (capacity & (capacity - 1)) != 0))
            throw Bad(nameof(RingCapacityFrames), $"{capacity} is not a power of two in {MinRingCapacity}..{MaxRingCapacity}");
        if (MaxBatch is < 1 or > 256) throw Bad(nameof(MaxBatch), $"{MaxBatch} is outside 1..256");
        if (GenerationBlock is < 1 or > 1 << 20) throw Bad(nameof(GenerationBlock), $"{GenerationBlock} is outside 1..{1 << 20}");
        if (BatchMergeSamples < 0) throw Bad(nameof(BatchMergeSamples), $"{BatchMergeSamples} is negative");
        if (CacheChunkSamples is < 256 or > 1 << 24) throw Bad(nameof(CacheChunkSamples), $"{CacheChunkSamples} is outside 256..{1 << 24}");
        if (MemoryCacheBytes < 0) throw Bad(nameof(MemoryCacheBytes), $"{MemoryCacheBytes} is negative");
        if (DiskCacheBytes < 0) throw Bad(nameof(DiskCacheBytes), $"{DiskCacheBytes} is negative");
        if (MaxRingsPerClient < 1) throw Bad(nameof(MaxRingsPerClient), $"{MaxRingsPerClient} is below 1");
        if (MaxPrimerFrames < 1) throw Bad(nameof(MaxPrimerFrames), $"{MaxPrimerFrames} is below 1");
        if (MaxPrerendersPerClient < 0) throw Bad(nameof(MaxPrerendersPerClient), $"{MaxPrerendersPerClient} is negative");
    }

    /// <summary>Ring capacity for a ring at <paramref name="sampleRate"/>: the configured one, or the smallest power of two ≥ 2 × target depth.</summary>
    internal int CapacityFor(int sampleRate)
    {
        if (RingCapacityFrames is { } capacity) return capacity;
        long wanted = Math.Clamp(2 * TargetDepthFrames(sampleRate), MinRingCapacity, MaxRingCapacity);
        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)wanted);
    }

    /// <summary>Target depth in frames at <paramref name="sampleRate"/>, never more than the ring holds.</summary>
    internal int TargetDepthFrames(int sampleRate)
    {
        long frames = Math.Max(1, (long)Math.Ceiling(RingTargetDepth.TotalSeconds * sampleRate));
        return (int)Math.Min(frames, RingCapacityFrames ?? MaxRingCapacity / 2);
    }

    // RingOptions' limits (RingLayout is internal to Ada.Protocol); RingWriter.Create re-checks them.
    private const int MinRingCapacity = 16;
    private const int MaxRingCapacity = 1 << 24;

    private static void Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) throw Bad(name, $"{value} is not positive");
    }

    private static ArgumentException Bad(string option, string problem) => new($"Service option {option}: {problem}.", option);
}
