using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>A stack of ADA levels (bottom first) under an unconditional prior over the top codes; samples top-down.</summary>
public sealed class Hierarchy : IDisposable
{
    /// <summary>Unconditional WaveNet over the top level's codes (or over audio when there are no levels).</summary>
    public PlainWaveNet Prior { get; }

    /// <summary>ADA levels, Levels[0] = level 1 (audio).</summary>
    public IReadOnlyList<AdaLevel> Levels { get; }

    /// <summary>Checks that each level's signal is the codes of the level below and the prior models the top codes.</summary>
    public Hierarchy(PlainWaveNet prior, IReadOnlyList<AdaLevel> levels)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            var c = levels[i].Config;
            if (c.Level != i + 1) throw new ArgumentException($"hierarchy level {i + 1} holds a model trained as level {c.Level}");
            if (i > 0 && c.Classes != levels[i - 1].Codes)
                throw new ArgumentException($"level {i + 1} models {c.Classes} classes but level {i} has {levels[i - 1].Codes} codes");
        }
        var expected = levels.Count == 0 ? ModelConfig.AudioClasses : levels[^1].Codes;
        if (prior.Config.Level != levels.Count + 1 || prior.Config.Classes != expected)
            throw new ArgumentException($"the prior (level {prior.Config.Level}, {prior.Config.Classes} classes) must be level {levels.Count + 1} over {expected} classes");
        Prior = prior;
        Levels = levels;
    }

    /// <summary>Loads the prior and the level checkpoints (bottom first); every error is a <see cref="CheckpointException"/> or names the mismatch.</summary>
    public static Hierarchy Load(string priorPath, IReadOnlyList<string> levelPaths, Device? device = null)
    {
        var prior = (PlainWaveNet)Checkpoint.Read(priorPath, ModelKind.WaveNet).CreateModel(device);
        var levels = levelPaths.Select(p =>
        {
            var checkpoint = Checkpoint.Read(p);
            return checkpoint.CreateModel(device) as AdaLevel
                   ?? throw new CheckpointException($"checkpoint {p}: holds a '{checkpoint.Model.Kind}' model but an ADA level is expected");
        }).ToList();
        return new Hierarchy(prior, levels);
    }

    /// <summary>Audio samples per top-level code: the product of the hops.</summary>
    public int SamplesPerTopCode => Levels.Aggregate(1, (n, l) => n * l.Hop);

    /// <summary>Samples <paramref name="topLength"/> top codes with the prior, then decodes each level down to audio (reference sampler).</summary>
    public HierarchySample Sample(int topLength, SamplingOptions options, int batch = 1)
    {
        var signal = Prior.Sample(batch, topLength, options);       // (B, F_top)
        var codes = new List<Tensor>();
        for (var i = Levels.Count - 1; i >= 0; i--)
        {
            codes.Insert(0, signal);
            signal = Levels[i].Decode(signal, options);              // (B, F · hop_i)
        }
        return new HierarchySample(codes, signal);
    }

    /// <summary>Frees every model.</summary>
    public void Dispose()
    {
        Prior.Dispose();
        foreach (var l in Levels) l.Dispose();
    }
}
