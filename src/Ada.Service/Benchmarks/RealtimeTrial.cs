namespace Ada.Service.Benchmarks;

/// <summary>One benchmark trial.</summary>
/// <param name="Clients">Simultaneous clients.</param>
/// <param name="Underruns">Blocks that came up short, over all clients.</param>
/// <param name="Blocks">Blocks played, over all clients.</param>
/// <param name="PrerollSeconds">Time until every ring was filled to its target depth.</param>
/// <param name="GenerationRealtimeFactor">Model audio generated per second of wall time, in seconds (over all streams).</param>
public sealed record RealtimeTrial(int Clients, long Underruns, long Blocks, double PrerollSeconds, double GenerationRealtimeFactor)
{
    /// <summary>True when no client underran.</summary>
    public bool Sustained => Underruns == 0;
}
