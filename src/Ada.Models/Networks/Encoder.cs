using System.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>Non-causal strided conv stack: (B, in, T) → queries (B, out, T/hop), one halving per log2(hop) block.</summary>
public sealed class Encoder : nn.Module
{
    internal readonly Conv input;
    internal readonly ModuleList<Conv> down;
    internal readonly ModuleList<EncoderResBlock> res;
    internal readonly Conv output;

    /// <summary>Samples per output frame.</summary>
    public int Hop { get; }

    /// <summary>Creates an encoder with <paramref name="channels"/> hidden channels.</summary>
    public Encoder(int inputs, int channels, int outputs, int hop) : base("encoder")
    {
        Hop = hop;
        var blocks = Blocks(hop);
        input = new Conv(inputs, channels, 3, padLeft: 1, padRight: 1);
        down = new ModuleList<Conv>(Enumerable.Range(0, blocks).Select(_ => new Conv(channels, channels, 4, stride: 2, padLeft: 1, padRight: 1)).ToArray());
        res = new ModuleList<EncoderResBlock>(Enumerable.Range(0, blocks).Select(_ => new EncoderResBlock(channels)).ToArray());
        output = Conv.Pointwise(channels, outputs);
        RegisterComponents();
    }

    static int Blocks(int hop) =>
        hop >= 2 && BitOperations.IsPow2(hop) ? BitOperations.Log2((uint)hop)
            : throw new ArgumentException($"encoder hop must be a power of two ≥ 2 (got {hop})");

    /// <summary>Parameter names and shapes, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(int inputs, int channels, int outputs, int hop) =>
        WeightSpec.Conv("input", inputs, channels, 3)
            .Concat(Enumerable.Range(0, Blocks(hop)).SelectMany(i => WeightSpec.Conv($"down.{i}", channels, channels, 4)))
            .Concat(Enumerable.Range(0, Blocks(hop)).SelectMany(i => EncoderResBlock.Layout(channels).Select(w => w.Under($"res.{i}"))))
            .Concat(WeightSpec.Conv("output", channels, outputs, 1));

    /// <summary>(B, in, T) with T a multiple of hop → (B, out, T/hop).</summary>
    public Tensor forward(Tensor x)
    {
        if (x.shape[2] % Hop != 0)
            throw new ArgumentException($"encoder input length {x.shape[2]} is not a multiple of the hop {Hop}");
        var h = input.forward(x.transpose(1, 2));            // (B, T, C), time-major inside
        for (var i = 0; i < down.Count; i++)
            h = res[i].forward(down[i].forward(F.relu(h)));  // (B, T / 2^(i+1), C)
        return output.forward(F.relu(h)).transpose(1, 2);    // (B, out, T/hop)
    }
}
