using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>Conv1d on time-major input (B, T, in) → (B, T_out, out), weight (out, in, k) as nn.Conv1d, computed as one matmul over the k taps.</summary>
/// <remarks>Why not nn.Conv1d: LibTorch 2.10's CPU (oneDNN) convolution backward returns non-finite input gradients in roughly
/// 0.1–0.3% of calls on this project's machines, which poisons training. Here the taps x[t·stride + j·dilation − padLeft] are
/// concatenated along channels and multiplied by the weight reshaped to (out, k·in): plain matmul backward, and time-major
/// shifts are contiguous row offsets. Weights keep nn.Conv1d's layout and initialisation (checkpoints and sampler unchanged).</remarks>
public sealed class Conv : nn.Module
{
    internal readonly Parameter weight;  // (out, in, k)
    internal readonly Parameter? bias;   // (out)
    readonly int stride;
    readonly int dilation;
    readonly int padLeft;
    readonly int padRight;

    /// <summary>Same parameters and default initialisation as nn.Conv1d: U(±1/√(in·k)).</summary>
    public Conv(int input, int output, int kernel, int stride = 1, int dilation = 1, int padLeft = 0, int padRight = 0, bool bias = true) : base("conv")
    {
        var bound = 1 / Math.Sqrt(input * kernel);
        weight = nn.Parameter(empty(output, input, kernel).uniform_(-bound, bound));
        if (bias) this.bias = nn.Parameter(empty(output).uniform_(-bound, bound));
        (this.stride, this.dilation, this.padLeft, this.padRight) = (stride, dilation, padLeft, padRight);
        RegisterComponents();
    }

    /// <summary>Causal kernel-2 conv: out[t] = W[:, :, 0] x[t − d] + W[:, :, 1] x[t] + b, zeros before the start.</summary>
    public static Conv Causal2(int input, int output, int dilation) => new(input, output, 2, dilation: dilation, padLeft: dilation);

    /// <summary>Pointwise (1×1) conv.</summary>
    public static Conv Pointwise(int input, int output, bool bias = true) => new(input, output, 1, bias: bias);

    /// <summary>The weight (out, in, k).</summary>
    public Parameter Weight => weight;

    /// <summary>The bias (out), or null.</summary>
    public Parameter? Bias => bias;

    /// <summary>x (B, T, in) → (B, (T + pads − dilation·(k − 1) − 1) / stride + 1, out).</summary>
    public Tensor forward(Tensor x)
    {
        var kernel = weight.shape[2];
        if (kernel == 1 && stride == 1 && padLeft + padRight == 0) return F.linear(x, weight.squeeze(2), bias);
        var padded = padLeft + padRight > 0 ? F.pad(x, [0, 0, padLeft, padRight]) : x;   // (B, T + pads, in)
        var length = (padded.shape[1] - dilation * (kernel - 1) - 1) / stride + 1;
        var taps = Enumerable.Range(0, (int)kernel)
            .Select(j => padded.slice(1, j * dilation, j * dilation + (length - 1) * stride + 1, stride))
            .ToArray();                                                                     // k × (B, T_out, in)
        var stacked = kernel == 1 ? taps[0] : cat(taps, 2);                                // (B, T_out, k·in), tap-major
        var matrix = weight.permute(0, 2, 1).reshape(weight.shape[0], -1);                // (out, k·in), same order
        return F.linear(stacked, matrix, bias);                                             // (B, T_out, out)
    }
}
