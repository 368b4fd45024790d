using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>Sizes of a causal transformer prior (docs/MODEL.md): pre-norm blocks, rotary positions, a sliding attention window.</summary>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="Width">Model width (embedding and residual stream).</param>
/// <param name="Heads">Attention heads; Width / Heads must be even (rotary pairs).</param>
/// <param name="Context">Tokens each position attends to (itself included): the window that sampling slides along.</param>
public sealed record TransformerConfig(
    [property: JsonProperty(Required = Required.Always)] int Layers,
    [property: JsonProperty(Required = Required.Always)] int Width,
    [property: JsonProperty(Required = Required.Always)] int Heads,
    [property: JsonProperty(Required = Required.Always)] int Context)
{
    /// <summary>Hidden units of each block's feed-forward network.</summary>
    [JsonIgnore]
    public int Hidden => 4 * Width;

    /// <summary>Channels per head.</summary>
    [JsonIgnore]
    public int HeadWidth => Width / Heads;

    internal void Validate(string path)
    {
        ConfigCheck.Range(Layers, 1, 64, path + ".layers");
        ConfigCheck.Range(Width, 2, 4096, path + ".width");
        ConfigCheck.Range(Heads, 1, 64, path + ".heads");
        ConfigCheck.Range(Context, 2, 65536, path + ".context");
        if (Width % Heads != 0 || HeadWidth % 2 != 0)
            throw new ConfigException($"{path}.width ({Width}) must be a multiple of 2 × heads ({Heads}): rotary positions rotate channel pairs of each head");
    }
}
