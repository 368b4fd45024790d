using Ada.Inference;
using Ada.Inference.Kernels;
using Ada.Models;

namespace Ada.Cli.Pipeline;

/// <summary>
/// Renders takes of one model as 16 kHz audio with the fast sampler (or TorchSharp on a device): each take is a stream of a
/// <see cref="HierarchySampler"/>, so several variations render as one batch, and a take's samples are
/// the same whether it is rendered alone or in a batch, in one go or in blocks.
/// </summary>
public sealed class StemRenderer : IDisposable
{
    readonly IIncrementalWaveNet[] _levels;

    /// <summary>Packs <paramref name="model"/>'s levels for <paramref name="path"/> (the best this CPU has by default) with <paramref name="precision"/> weights, or copies them to a torch <paramref name="device"/>.</summary>
    public StemRenderer(ModelBundle model, KernelPath? path = null, TorchSharp.torch.Device? device = null, WeightPrecision precision = WeightPrecision.Float32)
    {
        Model = model;
        _levels = SamplerDevice.Levels(model.Weights, device, path, precision);
        Sampler = _levels[0].Backend;
    }

    /// <summary>The model rendered.</summary>
    public ModelBundle Model { get; }

    /// <summary>Backend of the CPU sampler (kernel path, +bf16 for bf16 weights), or "torch:DEVICE" (bit-identity is promised per sampler).</summary>
    public string Sampler { get; }

    /// <summary>Frees the device copies of the levels (nothing to free for the CPU sampler).</summary>
    public void Dispose()
    {
        foreach (var level in _levels) (level as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Renders <paramref name="samples"/> 16 kHz samples for each variation (one batch), continuing from
    /// <paramref name="primerCodes"/> (top-first token sequences) when given.
    /// </summary>
    /// <param name="seed">Take seed.</param>
    /// <param name="variations">One stream per variation.</param>
    /// <param name="temperatures">Per level, top first.</param>
    /// <param name="samples">Samples per stem.</param>
    /// <param name="primerCodes">Primer tokens per level (top first), or null.</param>
    /// <param name="progress">Called with the samples done so far per stem.</param>
    public float[][] Render(ulong seed, IReadOnlyList<int> variations, IReadOnlyList<float> temperatures, int samples,
        IReadOnlyList<int[]>? primerCodes = null, Action<long>? progress = null)
    {
        var seeds = variations.Select(v => HierarchySampler.StreamSeed(seed, v)).ToArray();
        using var sampler = new HierarchySampler(_levels, seeds, temperatures);
        if (primerCodes != null) sampler.Prime(primerCodes);
        var stems = variations.Select(_ => new float[samples]).ToArray();
        const int block = 1600;   // 0.1 s: progress granularity; the output does not depend on it
        var tokens = new int[block * seeds.Length];
        var classes = new byte[block];
        for (int done = 0; done < samples; done += block)
        {
            int n = Math.Min(block, samples - done);
            sampler.Generate(tokens, n);
            for (int s = 0; s < seeds.Length; s++)
            {
                for (int i = 0; i < n; i++) classes[i] = (byte)tokens[s * n + i];
                Ada.Audio.MuLaw.Decode(classes.AsSpan(0, n), stems[s].AsSpan(done, n));
            }
            progress?.Invoke(done + n);
        }
        return stems;
    }
}
