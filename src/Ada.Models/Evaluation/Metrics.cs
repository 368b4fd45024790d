using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Evaluation measures: held-out NLL, multi-resolution STFT distance, reconstruction through the reference sampler.</summary>
public static class Metrics
{
    /// <summary>Default FFT sizes of the STFT distance; each uses hop = size/4 and a Hann window.</summary>
    public static readonly IReadOnlyList<int> DefaultFftSizes = [256, 512, 1024];

    const double LogFloor = 1e-7;

    /// <summary>Decoder NLL in bits per sample over held-out batches (B, T), weighted by samples; no gradients.</summary>
    public static double NllBits(LevelModel model, IEnumerable<Tensor> batches)
    {
        using var _ = no_grad();
        var device = model.Device;
        double bits = 0, samples = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var n = batch.numel();
            bits += model.Loss(batch.to(device)).Terms["nll"].item<float>() * n;
            samples += n;
        }
        if (samples == 0) throw new ArgumentException("no held-out batches");
        return bits / samples;
    }

    /// <summary>STFT distance of <paramref name="estimate"/> from <paramref name="reference"/> (equal-length float waveforms).</summary>
    public static StftDistance MultiResolutionStft(float[] reference, float[] estimate, IReadOnlyList<int>? fftSizes = null)
    {
        if (reference.Length != estimate.Length)
            throw new ArgumentException($"waveforms differ in length ({reference.Length} vs {estimate.Length})");
        var sizes = fftSizes ?? DefaultFftSizes;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (r, e) = (tensor(reference), tensor(estimate));
        double sc = 0, lm = 0;
        foreach (var n in sizes)
        {
            if (reference.Length < n) throw new ArgumentException($"waveforms of {reference.Length} samples are shorter than FFT size {n}");
            var (mr, me) = (Magnitude(r, n), Magnitude(e, n));                    // (n/2 + 1, frames)
            sc += ((mr - me).norm() / mr.norm().ClampMin(LogFloor)).item<float>();
            lm += (mr.ClampMin(LogFloor).log() - me.ClampMin(LogFloor).log()).abs().mean().item<float>();
        }
        return new StftDistance(sc / sizes.Count, lm / sizes.Count);
    }

    static Tensor Magnitude(Tensor x, int n) =>
        stft(x, n, hop_length: n / 4, win_length: n, window: hann_window(n), center: true, return_complex: true).abs();

    /// <summary>Encodes classes (B, T), samples the decoder from the codes (fixed seed) and compares the result with the input.</summary>
    public static Reconstruction Reconstruct(AdaLevel level, Tensor classes, SamplingOptions options)
    {
        var codes = level.Encode(classes);
        var sampled = level.Decode(codes, options);
        var agreement = sampled.eq(classes.cpu()).to_type(ScalarType.Float32).mean().item<float>();
        StftDistance? distance = null;
        if (level.Config.Level == 1)
        {
            // the scope keeps the per-example temporaries reachable until their native calls return, then frees them
            using var scope = NewDisposeScope();
            var distances = Enumerable.Range(0, (int)classes.shape[0]).Select(b => MultiResolutionStft(
                MuLaw.Decode(classes[b]).cpu().data<float>().ToArray(),
                MuLaw.Decode(sampled[b]).data<float>().ToArray())).ToList();
            distance = new StftDistance(distances.Average(d => d.SpectralConvergence), distances.Average(d => d.LogMagnitude));
        }
        return new Reconstruction(codes, sampled, agreement, distance);
    }
}
