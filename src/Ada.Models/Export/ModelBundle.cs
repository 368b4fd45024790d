using System.Security.Cryptography;
using System.Text;
using Ada.Inference;
using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>
/// A shipped model: a folder with model.json naming one checkpoint per level, top prior first, e.g.
/// prior → level 2 → level 1. Loading checks that the levels chain (each level's classes are the codes
/// of the level below it) and derives the sampler's weights; no TorchSharp call is made.
/// </summary>
public sealed class ModelBundle
{
    /// <summary>model.json as written on disk.</summary>
    public sealed record Manifest(
        [property: JsonProperty(Required = Required.Always)] string Name,
        [property: JsonProperty(Required = Required.Always)] string[] Levels,
        [property: System.ComponentModel.DefaultValue(16000), JsonProperty(DefaultValueHandling = DefaultValueHandling.Populate)] int SampleRate = 16000,
        string? Card = null);

    ModelBundle(string path, Manifest manifest, IReadOnlyList<Checkpoint> levels, IReadOnlyList<WaveNetWeights> weights, string hash)
    {
        Path = path;
        Info = manifest;
        Checkpoints = levels;
        Weights = weights;
        Hash = hash;
    }

    /// <summary>The model.json file.</summary>
    public string Path { get; }

    /// <summary>The manifest.</summary>
    public Manifest Info { get; }

    /// <summary>Level checkpoints, top first.</summary>
    public IReadOnlyList<Checkpoint> Checkpoints { get; }

    /// <summary>Sampler weights per level, top first.</summary>
    public IReadOnlyList<WaveNetWeights> Weights { get; }

    /// <summary>SHA-256 (hex) over the levels' content hashes, top first: the identity a preset and a take refer to.</summary>
    public string Hash { get; }

    /// <summary>Audio samples per top-level code frame.</summary>
    public int SamplesPerTopFrame => Weights.Skip(1).Aggregate(1, (p, w) => p * w.Spec.Hop);

    /// <summary>Reads model.json and every level; throws <see cref="CheckpointException"/> naming the file and the problem.</summary>
    public static ModelBundle Load(string manifestPath)
    {
        var full = System.IO.Path.GetFullPath(manifestPath);
        CheckpointException Fail(string problem) => new($"model {full}: {problem}");
        if (!File.Exists(full)) throw Fail("file not found");
        Manifest manifest;
        try
        {
            manifest = JsonConvert.DeserializeObject<Manifest>(File.ReadAllText(full), new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
                       ?? throw Fail("empty manifest");
        }
        catch (JsonException e)
        {
            throw Fail($"bad manifest ({e.Message})");
        }
        if (manifest.Levels.Length == 0) throw Fail("no levels");
        if (manifest.SampleRate != 16000) throw Fail($"sample rate {manifest.SampleRate} is not supported (models are trained at 16000 Hz)");

        var folder = System.IO.Path.GetDirectoryName(full)!;
        var checkpoints = manifest.Levels.Select(l => Checkpoint.Read(System.IO.Path.Combine(folder, l))).ToArray();
        var weights = checkpoints.Select(SamplerExport.Decoder).ToArray();
        if (weights[0].Spec.IsConditioned) throw Fail($"the top level ({manifest.Levels[0]}) must be an unconditional prior");
        for (int i = 1; i < weights.Length; i++)
        {
            var above = weights[i - 1].Spec;
            var below = weights[i].Spec;
            if (!below.IsConditioned) throw Fail($"level {manifest.Levels[i]} is not conditioned on the level above");
            if (below.CondClasses != above.Classes)
                throw Fail($"{manifest.Levels[i]} is conditioned on {below.CondClasses} codes but {manifest.Levels[i - 1]} produces {above.Classes}");
        }
        if (checkpoints[^1].Model.Level != 1) throw Fail($"the bottom level ({manifest.Levels[^1]}) must model audio (level 1)");

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join("\n", checkpoints.Select(c => c.ContentHash)))));
        return new ModelBundle(full, manifest, checkpoints, weights, hash);
    }
}
