namespace Ada.Models;

/// <summary>What one timed sampler loop produced, in wall and thread-CPU time.</summary>
/// <param name="Samples">Samples over all streams.</param>
/// <param name="Seconds">Wall seconds.</param>
/// <param name="CpuSeconds">CPU seconds of the benchmark thread (<see cref="ThreadCpuClock"/>).</param>
public readonly record struct SamplerRate(double Samples, double Seconds, double CpuSeconds)
{
    /// <summary>Samples per wall second.</summary>
    public double PerSecond => Samples / Seconds;

    /// <summary>Samples per CPU-second of the benchmark thread: what the core did while it ran this loop.</summary>
    public double PerCpuSecond => Samples / CpuSeconds;
}
