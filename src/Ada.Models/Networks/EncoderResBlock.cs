using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>Residual block of the encoder: h + Conv1(ReLU(Conv3(ReLU(h)))).</summary>
public sealed class EncoderResBlock : nn.Module
{
    internal readonly Conv conv1;
    internal readonly Conv conv2;

    internal EncoderResBlock(int channels) : base("res")
    {
        conv1 = new Conv(channels, channels, 3, padLeft: 1, padRight: 1);
        conv2 = Conv.Pointwise(channels, channels);
        RegisterComponents();
    }

    /// <summary>Parameter names and shapes, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(int c) =>
        WeightSpec.Conv("conv1", c, c, 3).Concat(WeightSpec.Conv("conv2", c, c, 1));

    /// <summary>Time-major (B, T, C) → (B, T, C).</summary>
    public Tensor forward(Tensor h) => h.Plus(conv2.forward(F.relu(conv1.forward(F.relu(h)))));
}
