using Newtonsoft.Json;

namespace Ada.Models;

/// <summary>Manifest entry of a checkpoint: where one tensor's little-endian float32 bytes lie, relative to the data section.</summary>
public sealed record TensorEntry(
    [property: JsonProperty(Required = Required.Always)] string Name,
    [property: JsonProperty(Required = Required.Always)] long[] Shape,
    [property: JsonProperty(Required = Required.Always)] string Dtype,
    [property: JsonProperty(Required = Required.Always)] long Offset,
    [property: JsonProperty(Required = Required.Always)] long Bytes);
