using Ada.Audio;
using Ada.Protocol;
using Ada.Service.Models;
using Ada.Service.Takes;

namespace Ada.Service.Tests.Support;

/// <summary>Take objects built directly (no service), for unit tests of the cache, scheduler and streams.</summary>
public static class TestTakes
{
    internal static TakeAudio Empty(double seconds = 0.05, int variation = 0, int chunkSamples = 1000) =>
        new(new TakeSpec(TinyModels.Preset(seconds: seconds), 1, variation, ContentHash.None), chunkSamples, null, new ServiceMetrics(), _ => { });

    /// <summary>A complete take of random classes (white noise), and those classes.</summary>
    internal static (TakeAudio Take, byte[] Classes) Random(double seconds, int seed)
    {
        var take = Empty(seconds);
        var rng = new Random(seed);
        var classes = Enumerable.Range(0, (int)take.Length).Select(_ => (byte)rng.Next(256)).ToArray();
        take.Append(0, classes.Select(c => (int)c).ToArray());
        return (take, classes);
    }

    /// <summary>Mu-law classes of a sine of <paramref name="hz"/> at 16 kHz, <paramref name="samples"/> long.</summary>
    internal static byte[] Sine(long samples, double hz, double amplitude = 0.5)
    {
        var audio = Enumerable.Range(0, checked((int)samples)).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * hz * n / ResolvedPreset.ModelSampleRate))).ToArray();
        var classes = new byte[audio.Length];
        MuLaw.Encode(audio, classes);
        return classes;
    }

    /// <summary>Writes <paramref name="classes"/> into the disk cache at <paramref name="cacheFolder"/> as take <paramref name="spec"/>, so a service plays them instead of generating.</summary>
    internal static void SeedDisk(string cacheFolder, TakeSpec spec, byte[] classes, int chunkSamples)
    {
        var disk = new TakeDiskCache(cacheFolder, chunkSamples, long.MaxValue, () => { }, _ => { });
        for (int c = 0; c * chunkSamples < classes.Length; c++)
            disk.Write(spec.Key, c, classes.AsSpan(c * chunkSamples, Math.Min(chunkSamples, classes.Length - c * chunkSamples)));
    }
}
