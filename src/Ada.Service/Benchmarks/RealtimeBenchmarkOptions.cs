using Ada.Service.Models;

namespace Ada.Service.Benchmarks;

/// <summary>What <see cref="RealtimeBenchmark"/> measures: clients playing distinct variations of one preset in real time.</summary>
/// <param name="Models">Where the preset comes from (e.g. Ada.Service.Models' PresetModelSource over presets and checkpoints).</param>
/// <param name="Preset">Preset every client plays (lengthened, if shorter, to <see cref="Duration"/> + <see cref="Preroll"/>, so no block comes from a finished take).</param>
public sealed record RealtimeBenchmarkOptions(ITakeModelSource Models, string Preset)
{
    /// <summary>Host sample rate of every client.</summary>
    public int HostRate { get; init; } = 48_000;

    /// <summary>Host block size (one ReadAt per block).</summary>
    public int BlockFrames { get; init; } = 512;

    /// <summary>How long each trial plays.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Trials run with 1, 2, … up to this many clients (stopping at the first that underruns).</summary>
    public int MaxClients { get; init; } = 8;

    /// <summary>An uncounted one-client trial first, so the JIT has compiled the sampler's hot loops at full optimisation.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for every ring to reach its target depth before play starts.</summary>
    public TimeSpan Preroll { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Service settings (socket, ring and cache folders are replaced by fresh temp ones per trial).</summary>
    public ServiceOptions Service { get; init; } = new() { RingTargetDepth = TimeSpan.FromMilliseconds(500) };
}
