using Ada.Inference;
using Ada.Service.Benchmarks;
using Ada.Service.Models;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>
/// Not a unit test: runs <see cref="RealtimeBenchmark"/> on the tiny model and prints the trials. Run it with
/// <c>dotnet test tests/Ada.Service.Tests -c Release --filter Category=Benchmark</c>; the real figures come from
/// <c>ada bench</c> with a trained model.
/// </summary>
[TestFixture]
[Explicit("benchmark: minutes of wall time, machine-dependent")]
[Category("Benchmark")]
public class RealtimeBenchmarkTests
{
    [Test]
    public void TinyModelRealtimeClients() => Run(TinyModels.Preset("long", seconds: 30), maxClients: 16);

    /// <summary>Random weights in the shape of configs/default (3 levels of L10 D10 R32 G32 S64; 32/64/256 classes, hops 8): the real cost.</summary>
    [Test]
    public void DefaultShapedModelRealtimeClients()
    {
        WaveNetSpec[] specs =
        [
            new(32, 32, 32, 64, 10, 10),
            new(64, 32, 32, 64, 10, 10, CondClasses: 32, Hop: 8),
            new(256, 32, 32, 64, 10, 10, CondClasses: 64, Hop: 8, PadClass: 128),
        ];
        var levels = specs.Select((spec, i) => new FastWaveNet(WaveNetWeights.Random(spec, seed: i + 1))).ToArray();
        Run(new ResolvedPreset("default-shaped", TinyModels.ModelHash, levels, [1f, 1f, 1f], Seconds: 60, Seed: 1), maxClients: 8);
    }

    private static void Run(ResolvedPreset preset, int maxClients)
    {
        var options = new RealtimeBenchmarkOptions(new TinyModelSource(preset), preset.Name)
        {
            Duration = TimeSpan.FromSeconds(10),
            MaxClients = maxClients,
            Service = new ServiceOptions { Workers = Environment.ProcessorCount, RingTargetDepth = TimeSpan.FromMilliseconds(500) },
        };
        var result = RealtimeBenchmark.Run(options, line => TestContext.Progress.WriteLine(line));
        TestContext.Progress.WriteLine($"{result.Device}, {preset.Name}: {result.SustainedClients} real-time clients sustained");
        Assert.That(result.Trials, Is.Not.Empty);
    }
}
