using Ada.Audio;
using Ada.Inference;
using Ada.Service.Models;

namespace Ada.Service.Tests.Support;

/// <summary>The reference a take must match: the whole take sampled alone, mu-law decoded, resampled offline in one go.</summary>
public static class OfflineRender
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ResolvedPreset, ulong, int, int), float[]> Cache = new();

    /// <summary>The host-rate reference of take (<paramref name="seed"/>, <paramref name="variation"/>) of <paramref name="preset"/> (memoised: rendering is slow in Debug).</summary>
    public static float[] Take(ResolvedPreset preset, ulong seed, int variation, int hostRate) =>
        Cache.GetOrAdd((preset, seed, variation, hostRate), _ => Render(preset, seed, variation, hostRate));

    /// <summary>The reference of the take continuing from <paramref name="primerCodes"/> (top first), as <c>ada render --primer</c> renders it.</summary>
    public static float[] Take(ResolvedPreset preset, ulong seed, int variation, int hostRate, IReadOnlyList<int[]>? primerCodes) =>
        primerCodes is null ? Take(preset, seed, variation, hostRate) : Render(preset, seed, variation, hostRate, primerCodes);

    private static float[] Render(ResolvedPreset preset, ulong seed, int variation, int hostRate, IReadOnlyList<int[]>? primerCodes = null)
    {
        int length = checked((int)preset.LengthSamples);
        var sampler = new HierarchySampler(preset.Levels, [HierarchySampler.StreamSeed(seed, variation)], preset.Temperatures);
        if (primerCodes is not null) sampler.Prime(primerCodes);
        var tokens = new int[length];
        sampler.Generate(tokens, length);
        var audio = tokens.Select(t => MuLaw.Decode((byte)t)).ToArray();
        return Resampler.Resample(audio, ResolvedPreset.ModelSampleRate, hostRate);
    }

    /// <summary>Index of the first frame of <paramref name="stereo"/> (frames, 2) that is not the reference (silence outside it) at <paramref name="from"/>.., or -1.</summary>
    public static int FirstMismatch(ReadOnlySpan<float> stereo, float[] reference, long from)
    {
        for (int i = 0; i < stereo.Length / 2; i++)
        {
            long at = from + i;
            float expected = at >= 0 && at < reference.Length ? reference[at] : 0f;
            if (stereo[2 * i] != expected || stereo[2 * i + 1] != expected) return i;
        }
        return -1;
    }
}
