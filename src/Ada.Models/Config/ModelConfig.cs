using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>Architecture of one level model: what a checkpoint's weights must match.</summary>
/// <param name="Kind">One of <see cref="ModelKind"/>.</param>
/// <param name="Level">1 = the signal is audio (256 mu-law classes); n ≥ 2 = the signal is the codes of level n−1.</param>
/// <param name="Classes">Q, classes of the signal: 256 at level 1, the k of the level below otherwise.</param>
/// <param name="Decoder">The WaveNet (decoder or prior); required for every kind but "transformer".</param>
/// <param name="Autoencoder">Encoder/quantiser/modulator; required for ADA kinds, absent otherwise.</param>
/// <param name="Transformer">The causal transformer prior; required for kind "transformer", absent otherwise.</param>
public sealed record ModelConfig(
    [property: JsonProperty(Required = Required.Always)] string Kind,
    [property: JsonProperty(Required = Required.Always)] int Level,
    [property: JsonProperty(Required = Required.Always)] int Classes,
    DecoderConfig? Decoder,
    AutoencoderConfig? Autoencoder = null,
    TransformerConfig? Transformer = null)
{
    /// <summary>Mu-law classes of 8-bit audio.</summary>
    public const int AudioClasses = 256;

    /// <summary>Class fed before the first sample: mu-law silence (128) for audio, 0 for codes.</summary>
    [JsonIgnore]
    public int PadClass => Level == 1 ? AudioClasses / 2 : 0;

    /// <summary>Samples of this level's signal per code (1 for an unconditional WaveNet).</summary>
    [JsonIgnore]
    public int Hop => Autoencoder?.Hop ?? 1;

    internal void Validate(string path)
    {
        if (!ModelKind.All.Contains(Kind))
            throw new ConfigException($"{path}.kind must be one of {string.Join(", ", ModelKind.All)} (got '{Kind}')");
        ConfigCheck.Range(Level, 1, 16, path + ".level");
        if (Level == 1 && Classes != AudioClasses)
            throw new ConfigException($"{path}.classes must be {AudioClasses} at level 1 (8-bit mu-law audio), got {Classes}");
        ConfigCheck.Range(Classes, 2, 65536, path + ".classes");
        if (Kind == ModelKind.Transformer)
        {
            if (Level < 2) throw new ConfigException($"{path}.level must be ≥ 2 for kind '{Kind}': a transformer is a prior over codes (got {Level})");
            ConfigCheck.Required(Transformer, path + ".transformer").Validate(path + ".transformer");
            ConfigCheck.Absent(Decoder, Kind, path + ".decoder");
        }
        else
        {
            ConfigCheck.Required(Decoder, path + ".decoder").Validate(path + ".decoder");
            ConfigCheck.Absent(Transformer, Kind, path + ".transformer");
        }
        if (ModelKind.IsAda(Kind))
            ConfigCheck.Required(Autoencoder, path + ".autoencoder").Validate(Kind, path + ".autoencoder");
        else
            ConfigCheck.Absent(Autoencoder, Kind, path + ".autoencoder");
    }

    /// <summary>One line naming the kind and sizes, for benchmark tables and logs.</summary>
    public string Describe() => Transformer is { } t
        ? $"{Kind} N={t.Layers} W={t.Width} H={t.Heads} C={t.Context} Q={Classes}"
        : $"{Kind} L={WaveNet.Layers} R={WaveNet.Residual} G={WaveNet.Gate} S={WaveNet.Skip} Q={Classes}";

    /// <summary>The WaveNet sizes of a WaveNet-based kind; throws for a transformer.</summary>
    [JsonIgnore]
    public DecoderConfig WaveNet => Decoder ?? throw new ConfigException($"a '{Kind}' model has no WaveNet decoder");
}
