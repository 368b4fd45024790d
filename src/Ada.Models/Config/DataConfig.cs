using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>Where a run's training signal comes from; CropLength counts samples of this level's signal.</summary>
/// <param name="Paths">Dataset folders or manifests (interpreted by the CLI's data layer).</param>
/// <param name="Split">Split used for training, e.g. "train".</param>
/// <param name="CropLength">T of a training example, in this level's signal samples; a multiple of the hop.</param>
/// <param name="HoldoutSplit">Split for held-out NLL, e.g. "test"; optional.</param>
/// <param name="LowerLevel">Level ≥ 2: checkpoint of the level below, whose encoder turns audio into this level's signal.</param>
public sealed record DataConfig(
    [property: JsonProperty(Required = Required.Always)] string[] Paths,
    [property: JsonProperty(Required = Required.Always)] string Split,
    [property: JsonProperty(Required = Required.Always)] int CropLength,
    string? HoldoutSplit = null,
    string? LowerLevel = null)
{
    internal void Validate(ModelConfig model, string path)
    {
        if (Paths.Length == 0 || Paths.Any(string.IsNullOrWhiteSpace))
            throw new ConfigException($"{path}.paths must list at least one non-empty path");
        if (string.IsNullOrWhiteSpace(Split)) throw new ConfigException($"{path}.split must not be empty");
        ConfigCheck.Range(CropLength, 1, 1 << 24, path + ".cropLength");
        if (CropLength % model.Hop != 0)
            throw new ConfigException($"{path}.cropLength ({CropLength}) must be a multiple of model.autoencoder.hop ({model.Hop})");
        if (model.Level >= 2 && string.IsNullOrWhiteSpace(LowerLevel))
            throw new ConfigException($"{path}.lowerLevel is required at level {model.Level}: the checkpoint of level {model.Level - 1}");
        if (model.Level == 1 && LowerLevel != null)
            throw new ConfigException($"{path}.lowerLevel must be absent at level 1 (the signal is audio)");
    }
}
