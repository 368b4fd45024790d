using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Ada.Inference;

/// <summary>The parts of a sampler step that a profiled <see cref="FastWaveNet"/> step times separately.</summary>
public enum SamplerPhase
{
    /// <summary>Embedding lookup of the previous class.</summary>
    Embedding,
    /// <summary>Ring-buffer shift and gate-bias copies that prepare the dilated conv's input and accumulators.</summary>
    Ring,
    /// <summary>The dilated conv's kernel (2R → 2G).</summary>
    Dilated,
    /// <summary>tanh · sigmoid and the residual/skip bias adds.</summary>
    Gate,
    /// <summary>The residual and skip 1×1 convs, one fused kernel (G → R + S).</summary>
    ResidualSkip,
    /// <summary>The output head (ReLU, S → S, ReLU, S → Q) and the logits copy.</summary>
    Head,
    /// <summary>Everything outside the step: sampling from the logits and the caller's loop.</summary>
    Sampling,
}

/// <summary>Stopwatch ticks per <see cref="SamplerPhase"/>, accumulated by profiled steps (<see cref="FastWaveNet.Profiled"/>).</summary>
public sealed class PhaseProfile
{
    internal readonly long[] Ticks = new long[Enum.GetValues<SamplerPhase>().Length];

    /// <summary>Ticks spent in <paramref name="phase"/>.</summary>
    public long this[SamplerPhase phase] => Ticks[(int)phase];

    /// <summary>Ticks over all phases.</summary>
    public long TotalTicks => Ticks.Sum();

    /// <summary>Adds <paramref name="ticks"/> to <paramref name="phase"/> (e.g. the caller's own time to <see cref="SamplerPhase.Sampling"/>).</summary>
    public void Add(SamplerPhase phase, long ticks) => Ticks[(int)phase] += ticks;

    /// <summary>Share of <see cref="TotalTicks"/> spent in <paramref name="phase"/>.</summary>
    public double Fraction(SamplerPhase phase) => TotalTicks == 0 ? 0 : (double)this[phase] / TotalTicks;
}

/// <summary>Marks phase ends inside a step; a struct type argument so the JIT specialises the step for each implementation.</summary>
interface IPhaseProfiler
{
    /// <summary>Starts the clock at the beginning of a step.</summary>
    void Start();
    /// <summary>Charges the time since the previous mark to <paramref name="phase"/>.</summary>
    void Mark(SamplerPhase phase);
}

/// <summary>The real step's profiler: empty, so the JIT removes every mark.</summary>
readonly struct NoPhaseProfiler : IPhaseProfiler
{
    public void Start() { }
    public void Mark(SamplerPhase phase) { }
}

/// <summary>Stopwatch timestamps into a <see cref="PhaseProfile"/>'s preallocated array.</summary>
struct StopwatchPhaseProfiler(long[] ticks) : IPhaseProfiler
{
    long _last;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Start() => _last = Stopwatch.GetTimestamp();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Mark(SamplerPhase phase)
    {
        long now = Stopwatch.GetTimestamp();
        ticks[(int)phase] += now - _last;
        _last = now;
    }
}
