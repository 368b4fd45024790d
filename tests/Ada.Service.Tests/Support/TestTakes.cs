using Ada.Protocol;
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
}
