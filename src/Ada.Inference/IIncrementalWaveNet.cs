namespace Ada.Inference;

/// <summary>
/// An incremental WaveNet that advances batches of streams one sample per step: <see cref="FastWaveNet"/> on the CPU,
/// or a device implementation (Ada.Models' TorchFastWaveNet). <see cref="LevelSampler"/> and <see cref="HierarchySampler"/>
/// sample from either with the same random numbers, so only the logits can differ between them.
/// </summary>
public interface IIncrementalWaveNet
{
    /// <summary>The model's shape.</summary>
    WaveNetSpec Spec { get; }

    /// <summary>
    /// What bit-identity is promised per, recorded in sidecars and take ids: the CPU sampler's kernel path and weight precision
    /// (e.g. "Vector512", "Vector512+bf16") or "torch:DEVICE".
    /// </summary>
    string Backend { get; }

    /// <summary>Fresh streams at t = 0 for <paramref name="batch"/> independent takes; dispose them (a device frees their queues).</summary>
    IWaveNetStreams CreateStreams(int batch);
}

/// <summary>A batch of streams of an <see cref="IIncrementalWaveNet"/>: its per-layer queues and current time.</summary>
public interface IWaveNetStreams : IDisposable
{
    /// <summary>Number of streams advanced together.</summary>
    int Batch { get; }

    /// <summary>Samples generated so far (the same for every stream).</summary>
    long Time { get; }

    /// <summary>Advances every stream by one sample and writes Q logits per stream (stream b at b × Q).</summary>
    /// <param name="previous">Previous class of each stream.</param>
    /// <param name="codes">Current conditioning code of each stream (ignored when unconditional).</param>
    /// <param name="logits">Destination for Batch × Q logits.</param>
    void Step(ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits);
}
