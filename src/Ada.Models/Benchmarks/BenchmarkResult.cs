namespace Ada.Models;

/// <summary>Training throughput of one benchmark run; CPU seconds per step are less sensitive than wall time to other load on the machine.</summary>
public sealed record BenchmarkResult(string Description, int Threads, int Batch, int Length, int Steps, long Parameters,
    double SecondsPerStep, double SamplesPerSecond, double CpuSecondsPerStep, double SamplesPerCpuSecond);
