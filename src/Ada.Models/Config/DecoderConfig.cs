using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>WaveNet sizes (docs/MODEL.md): L layers with dilations 1..2^(D−1) repeated, R/G/S channels.</summary>
public sealed record DecoderConfig(
    [property: JsonProperty(Required = Required.Always)] int Layers,
    [property: JsonProperty(Required = Required.Always)] int DilationCycle,
    [property: JsonProperty(Required = Required.Always)] int Residual,
    [property: JsonProperty(Required = Required.Always)] int Gate,
    [property: JsonProperty(Required = Required.Always)] int Skip)
{
    /// <summary>Dilation of layer l: 2^(l mod D).</summary>
    public int Dilation(int layer) => 1 << (layer % DilationCycle);

    /// <summary>1 + Σ dilations: how many past samples can affect one prediction.</summary>
    [JsonIgnore]
    public int ReceptiveField => 1 + Enumerable.Range(0, Layers).Sum(Dilation);

    internal void Validate(string path)
    {
        ConfigCheck.Range(Layers, 1, 1024, path + ".layers");
        ConfigCheck.Range(DilationCycle, 1, 20, path + ".dilationCycle");
        ConfigCheck.Range(Residual, 1, 4096, path + ".residual");
        ConfigCheck.Range(Gate, 1, 4096, path + ".gate");
        ConfigCheck.Range(Skip, 1, 4096, path + ".skip");
    }
}
