using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>Incremental WaveNet: one time step at a time with per-layer queues of past h; the same maths as <see cref="WaveNet.forward"/>.</summary>
public sealed class WaveNetStepper : IDisposable
{
    readonly WaveNet net;
    readonly Layer[] layers;
    readonly Tensor zeros;        // h(t − d) before the signal starts: the forward pass's left zero padding
    long time;

    sealed record Layer(int Dilation, Tensor Past, Tensor Now, Tensor Bias, Tensor? Res, Tensor? ResBias, Tensor Skip, Tensor SkipBias, Tensor?[] History);

    /// <summary>Prepares per-layer weight matrices and empty histories for <paramref name="batch"/> streams.</summary>
    public WaveNetStepper(WaveNet net, int batch)
    {
        this.net = net;
        using var _ = no_grad();
        var device = net.Device;
        zeros = torch.zeros(batch, net.Config.Residual, device: device).DetachFromDisposeScope();
        layers = net.layers.Select(l => new Layer(
            l.dilation,
            Keep(l.dilated.weight.select(2, 0)),       // (2G, R) acting on h(t − d)
            Keep(l.dilated.weight.select(2, 1)),       // (2G, R) acting on h(t)
            Keep(l.dilated.bias!),
            l.residual is null ? null : Keep(l.residual.weight.squeeze(2)),
            l.residual is null ? null : Keep(l.residual.bias!),
            Keep(l.skip.weight.squeeze(2)),
            Keep(l.skip.bias!),
            new Tensor?[l.dilation])).ToArray();
    }

    static Tensor Keep(Tensor t) => t.detach().contiguous().clone().DetachFromDisposeScope();

    /// <summary>input (B) int64 = x[t − 1] (the pad class at t = 0), cond (B, L·2G) of the current frame or null → logits (B, Q) for x[t].</summary>
    public Tensor Step(Tensor input, Tensor? cond)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var gate = net.Config.Gate;
        var h = net.embed.weight!.index_select(0, input);                      // (B, R)
        Tensor? skip = null;
        for (var l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            var slot = (int)(time % layer.Dilation);
            var past = layer.History[slot] ?? zeros;                            // h(t − d), (B, R)
            var a = F.linear(past, layer.Past).Plus(F.linear(h, layer.Now, layer.Bias)); // (B, 2G)
            if (cond is not null) a = a.Plus(cond.narrow(1, l * 2 * gate, 2 * gate));
            var z = tanh(a.narrow(1, 0, gate)) * sigmoid(a.narrow(1, gate, gate));   // (B, G)
            layer.History[slot]?.Dispose();
            layer.History[slot] = h.DetachFromDisposeScope();
            var s = F.linear(z, layer.Skip, layer.SkipBias);                    // (B, S)
            skip = skip is null ? s : skip.Plus(s);
            if (layer.Res is not null) h = h.Plus(F.linear(z, layer.Res, layer.ResBias));
        }
        var hidden = F.relu(net.head1.forward(F.relu(skip!)));              // (B, S)
        var logits = net.head2.forward(hidden);                             // (B, Q)
        time++;
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Frees the histories and weight copies.</summary>
    public void Dispose()
    {
        foreach (var layer in layers)
        {
            foreach (var t in new[] { layer.Past, layer.Now, layer.Bias, layer.Res, layer.ResBias, layer.Skip, layer.SkipBias }) t?.Dispose();
            foreach (var t in layer.History) t?.Dispose();
        }
        zeros.Dispose();
    }
}
