using Ada.Inference;
using Ada.Inference.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Picks the sampler a `--device` request means: the fast CPU sampler, or <see cref="TorchFastWaveNet"/> on a torch device.</summary>
public static class SamplerDevice
{
    /// <summary>The requests `--device` accepts.</summary>
    public const string Choices = "cpu (fast CPU sampler), torch-cpu (TorchSharp on the CPU), auto (CUDA when present, else cpu), cuda, cuda:N";

    /// <summary>
    /// The torch device of <paramref name="request"/>, or null for the fast CPU sampler ("cpu", or "auto" without CUDA).
    /// Only torch requests load LibTorch; "cuda" without CUDA throws <see cref="TorchRuntime.SelectDevice"/>'s clear error.
    /// </summary>
    public static Device? Parse(string request)
    {
        var r = request.Trim().ToLowerInvariant();
        if (r == "cpu") return null;
        if (r == "torch-cpu") return TorchRuntime.SelectDevice("cpu");
        if (r != "auto" && !r.StartsWith("cuda", StringComparison.Ordinal))
            throw new ArgumentException($"unknown sampler device '{request}': use {Choices}");
        var device = TorchRuntime.SelectDevice(r);
        return device.type == DeviceType.CPU ? null : device;
    }

    /// <summary>
    /// The levels of <paramref name="weights"/> on <paramref name="device"/> (null: packed for <paramref name="path"/> on the CPU, matrices in
    /// <paramref name="precision"/>); reduced precision is a fast CPU sampler option, so a torch device with bf16 throws.
    /// </summary>
    public static IIncrementalWaveNet[] Levels(IEnumerable<WaveNetWeights> weights, Device? device, KernelPath? path = null, WeightPrecision precision = WeightPrecision.Float32)
    {
        if (device is null) return weights.Select(w => (IIncrementalWaveNet)new FastWaveNet(w, path, precision)).ToArray();
        if (precision != WeightPrecision.Float32) throw new ArgumentException($"{WeightPrecisions.Name(precision)} weights need the fast CPU sampler (--device cpu), not {device}");
        return weights.Select(w => (IIncrementalWaveNet)new TorchFastWaveNet(w, device)).ToArray();
    }

    /// <summary>The device a service reports for this choice: "cpu (Vector512)" for the fast CPU sampler, "cuda:0 (TorchSharp)" for a torch device.</summary>
    public static string Name(Device? device, KernelPath path) => device is null ? $"cpu ({path})" : $"{device} (TorchSharp)";
}
