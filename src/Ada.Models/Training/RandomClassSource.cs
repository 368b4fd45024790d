using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Uniform random classes (B, T), a fresh seeded draw per step: stand-in codes for benchmarking upper levels.</summary>
public sealed class RandomClassSource(int batchSize, int length, int classes, ulong seed) : IBatchSource
{
    /// <inheritdoc />
    public int Classes => classes;

    /// <inheritdoc />
    public Tensor Batch(long step)
    {
        var rng = SampleRng.ForStream(seed, step);
        var values = new long[batchSize * length];
        for (var i = 0; i < values.Length; i++) values[i] = (long)(rng.NextDouble() * classes);
        return tensor(values, [batchSize, length]);
    }
}
