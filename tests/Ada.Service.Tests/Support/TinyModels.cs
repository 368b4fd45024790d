using Ada.Inference;
using Ada.Protocol;
using Ada.Service.Models;

namespace Ada.Service.Tests.Support;

/// <summary>A two-level random hierarchy (8-code top prior, 256-class bottom level, hop 8): fast enough to render takes in tests
/// (about 13k samples/s in a Debug build on this machine, hence the 0.25 s default length).</summary>
public static class TinyModels
{
    private static readonly WaveNetSpec Top = new(Classes: 8, Residual: 8, Gate: 8, Skip: 16, Layers: 4, DilationCycle: 2);
    private static readonly WaveNetSpec Bottom = new(256, 8, 8, 16, 6, 3, CondClasses: 8, Hop: 8, PadClass: 128);

    public static readonly FastWaveNet[] Levels = [new(WaveNetWeights.Random(Top, seed: 1)), new(WaveNetWeights.Random(Bottom, seed: 2))];

    public static readonly string ModelHash = ContentHash.Of("tiny test model"u8).ToString();

    public static ResolvedPreset Preset(string name = "tiny", double seconds = 0.25, float temperature = 1f) =>
        new(name, ModelHash, Levels, [temperature, temperature], seconds, Seed: 3);
}
