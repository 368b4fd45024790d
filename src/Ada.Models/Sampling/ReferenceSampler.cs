using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Straightforward step-by-step sampling of a WaveNet with the seeded categorical draws of <see cref="SampleRng"/>.</summary>
public static class ReferenceSampler
{
    /// <summary>Samples (B, length) classes; cond (B, L·2G, F) per code frame with length = F·hop, or null; draws come from RNG stream <paramref name="stream"/>, batch element 0 first at each step.</summary>
    public static Tensor Sample(WaveNet net, int batch, long length, Tensor? cond, SamplingOptions options, int stream)
    {
        if (cond is not null && (cond.shape[0] != batch || length % cond.shape[2] != 0))
            throw new ArgumentException($"conditioning (B={cond.shape[0]}, F={cond.shape[2]}) does not fit batch {batch} × {length} samples");
        var hop = cond is null ? 1 : length / cond.shape[2];
        var rng = SampleRng.ForStream(options.Seed, stream);
        var device = net.Device;
        var output = new long[batch * length];
        var previous = Enumerable.Repeat((long)net.PadClass, batch).ToArray();
        using var stepper = new WaveNetStepper(net, batch);
        for (long t = 0; t < length; t++)
        {
            using var scope = NewDisposeScope();
            var frame = cond?.select(2, t / hop);                                        // (B, L·2G)
            var logits = stepper.Step(tensor(previous, device: device), frame).cpu();     // (B, Q)
            var values = logits.data<float>().ToArray();
            for (var b = 0; b < batch; b++)
            {
                previous[b] = rng.Categorical(values.AsSpan(b * net.Classes, net.Classes), options.Temperature);
                output[b * length + t] = previous[b];
            }
        }
        return tensor(output, [batch, length]);
    }
}
