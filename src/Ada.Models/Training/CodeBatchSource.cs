using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>The training signal of level n ≥ 2: the lower level's codes of each batch of the source below (audio or codes).</summary>
public sealed class CodeBatchSource : IBatchSource
{
    readonly IBatchSource below;
    readonly AdaLevel lower;

    /// <summary>Wraps <paramref name="below"/>, whose crops must be <see cref="RequiredLength"/> long, through <paramref name="lower"/>'s encoder.</summary>
    public CodeBatchSource(IBatchSource below, AdaLevel lower)
    {
        if (below.Classes != lower.Config.Classes)
            throw new ArgumentException($"the lower level (level {lower.Config.Level}) reads {lower.Config.Classes} classes but its source yields {below.Classes}");
        this.below = below;
        this.lower = lower;
    }

    /// <summary>Crop length the source below must yield for <paramref name="codes"/> codes per example.</summary>
    public static int RequiredLength(int codes, AdaLevel lower) => codes * lower.Hop;

    /// <inheritdoc />
    public int Classes => lower.Codes;

    /// <inheritdoc />
    public Tensor Batch(long step)
    {
        using var scope = NewDisposeScope();
        var device = lower.Decoder.Device;
        return lower.Encode(below.Batch(step).to(device)).cpu().MoveToOuterDisposeScope();  // (B, T / hop)
    }
}
