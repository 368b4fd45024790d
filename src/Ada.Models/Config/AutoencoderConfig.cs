using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>Encoder, quantiser and modulator sizes of an ADA level; CodeDim/CommitmentBeta are VQ-only, DiversityWeight AMAE-only.</summary>
public sealed record AutoencoderConfig(
    [property: JsonProperty(Required = Required.Always)] int Hop,
    [property: JsonProperty(Required = Required.Always)] int Codes,
    [property: JsonProperty(Required = Required.Always)] int EncoderChannels,
    [property: JsonProperty(Required = Required.Always)] int CondChannels,
    int CodeDim = 0,
    double DiversityWeight = 0,
    double CommitmentBeta = 0)
{
    internal void Validate(string kind, string path)
    {
        ConfigCheck.Range(Hop, 2, 4096, path + ".hop");
        if ((Hop & (Hop - 1)) != 0) throw new ConfigException($"{path}.hop must be a power of two (got {Hop})");
        ConfigCheck.Range(Codes, 2, 65536, path + ".codes");
        ConfigCheck.Range(EncoderChannels, 1, 4096, path + ".encoderChannels");
        ConfigCheck.Range(CondChannels, 1, 4096, path + ".condChannels");
        if (kind == ModelKind.AdaVq)
        {
            ConfigCheck.Range(CodeDim, 1, 4096, path + ".codeDim");
            ConfigCheck.Range(CommitmentBeta, 0, 100, path + ".commitmentBeta");
            ConfigCheck.Unused(DiversityWeight, kind, path + ".diversityWeight");
        }
        else
        {
            ConfigCheck.Range(DiversityWeight, 0, 100, path + ".diversityWeight");
            ConfigCheck.Unused(CodeDim, kind, path + ".codeDim");
            ConfigCheck.Unused(CommitmentBeta, kind, path + ".commitmentBeta");
        }
    }
}
