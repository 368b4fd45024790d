namespace Ada.Service.Benchmarks;

/// <summary>What <see cref="RealtimeBenchmark.Run"/> found.</summary>
/// <param name="SustainedClients">Most simultaneous real-time clients with no underrun (0 if even one underran).</param>
/// <param name="Trials">Every trial run, in order.</param>
/// <param name="Device">The compute device.</param>
public sealed record RealtimeBenchmarkResult(int SustainedClients, IReadOnlyList<RealtimeTrial> Trials, string Device);
