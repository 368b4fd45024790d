using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>The local model of docs/MODEL.md: decoder of an ADA level, top prior, or plain baseline.</summary>
public sealed class WaveNet : nn.Module
{
    internal readonly Embedding embed;
    internal readonly ModuleList<WaveNetLayer> layers;
    internal readonly Conv head1;
    internal readonly Conv head2;

    /// <summary>Sizes of the network.</summary>
    public DecoderConfig Config { get; }

    /// <summary>Q, the number of signal classes predicted.</summary>
    public int Classes { get; }

    /// <summary>Class that stands in for x[−1].</summary>
    public int PadClass { get; }

    /// <summary>Creates a WaveNet over <paramref name="classes"/> classes.</summary>
    public WaveNet(DecoderConfig config, int classes, int padClass) : base("wavenet")
    {
        Config = config;
        Classes = classes;
        PadClass = padClass;
        embed = nn.Embedding(classes, config.Residual);
        layers = new ModuleList<WaveNetLayer>(Enumerable.Range(0, config.Layers).Select(l => new WaveNetLayer(config, l)).ToArray());
        head1 = Conv.Pointwise(config.Skip, config.Skip);
        head2 = Conv.Pointwise(config.Skip, classes);
        RegisterComponents();
    }

    /// <summary>Parameter names and shapes, without prefix, in registration order.</summary>
    public static IEnumerable<WeightSpec> Layout(DecoderConfig c, int classes) =>
        new[] { new WeightSpec("embed.weight", [classes, c.Residual]) }
            .Concat(Enumerable.Range(0, c.Layers).SelectMany(l => WaveNetLayer.Layout(c, l).Select(w => w.Under($"layers.{l}"))))
            .Concat(WeightSpec.Conv("head1", c.Skip, c.Skip, 1))
            .Concat(WeightSpec.Conv("head2", c.Skip, classes, 1));

    /// <summary>Device the weights live on.</summary>
    public Device Device => embed.weight!.device;

    /// <summary>1 + Σ dilations: x[t − RF] is the oldest sample that affects the logits at t.</summary>
    public int ReceptiveField => Config.ReceptiveField;

    /// <summary>Channels of the conditioning input: L · 2G (layer l owns rows [l·2G, (l+1)·2G)).</summary>
    public int ConditionChannels => Config.Layers * 2 * Config.Gate;

    /// <summary>classes (B, T) int64, cond (B, L·2G, F) per code frame (T = F·hop) or null → logits (B, Q, T); logits[t] predict x[t].</summary>
    public Tensor forward(Tensor classes, Tensor? cond = null) => TimeMajorLogits(classes, cond).transpose(1, 2);

    /// <summary>The same logits time-major, (B, T, Q): the layout the network computes in.</summary>
    public Tensor TimeMajorLogits(Tensor classes, Tensor? cond = null)
    {
        var input = ShiftRight(classes, PadClass);                      // (B, T): in[t] = x[t − 1]
        var h = embed.forward(input);                                   // (B, T, R)
        var frames = cond?.transpose(1, 2);                             // (B, F, L·2G)
        Tensor? skip = null;
        var gate2 = 2 * Config.Gate;
        for (var l = 0; l < layers.Count; l++)
        {
            (h, var s) = layers[l].forward(h, frames?.narrow(2, l * gate2, gate2));
            skip = skip is null ? s : skip.Plus(s);                     // (B, T, S)
        }
        return head2.forward(F.relu(head1.forward(F.relu(skip!))));     // (B, T, Q)
    }

    /// <summary>(B, T) → (B, T) with out[t] = x[t − 1] and out[0] = pad.</summary>
    public static Tensor ShiftRight(Tensor classes, int pad) =>
        F.pad(classes.narrow(1, 0, classes.shape[1] - 1), [1, 0], value: pad);
}
