using Ada.Inference;

namespace Ada.Models;

/// <summary>One case of <see cref="SamplerBenchmark.Measure"/>: throughput, arithmetic rate against the core's peak, and where a step's time goes.</summary>
/// <param name="Kernels">Kernel path name.</param>
/// <param name="Streams">Streams stepped together.</param>
/// <param name="SamplesPerSecond">Output samples per wall second over all streams (bottom-level samples for a hierarchy) in the unprofiled timed loop.</param>
/// <param name="SamplesPerCpuSecond">The same per CPU-second of the benchmark thread.</param>
/// <param name="Gflops">GFLOP per CPU-second of that loop, counting <see cref="StepFlops.Total"/> per step of every level.</param>
/// <param name="PercentOfPeak"><see cref="Gflops"/> as a percentage of the measured peak passed in.</param>
/// <param name="KernelGflops">GFLOP/s inside the matrix kernels alone (dilated, residual + skip, head phases of the profiling pass).</param>
/// <param name="KernelPercentOfPeak"><see cref="KernelGflops"/> as a percentage of the measured peak.</param>
/// <param name="Profile">Ticks per phase of the separate profiling pass (<see cref="SamplerPhase.Sampling"/>: everything outside the steps).</param>
public sealed record SamplerBenchmarkResult(string Kernels, int Streams, double SamplesPerSecond, double SamplesPerCpuSecond, double Gflops, double PercentOfPeak,
    double KernelGflops, double KernelPercentOfPeak, PhaseProfile Profile);
