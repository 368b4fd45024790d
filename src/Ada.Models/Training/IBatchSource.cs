using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Training data of one level: the batch of step n is a pure function of (seed, n), so a resumed run sees the same data.</summary>
public interface IBatchSource
{
    /// <summary>Q, the classes of the signal (256 for mu-law audio, k of the level below for codes).</summary>
    int Classes { get; }

    /// <summary>The batch for training step <paramref name="step"/> (0-based): (B, T) int64 on the CPU.</summary>
    Tensor Batch(long step);
}
