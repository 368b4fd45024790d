using Newtonsoft.Json;

namespace Ada.Cli.Pipeline;

/// <summary>Everything needed to re-render a stem bit for bit, written as JSON next to it.</summary>
public sealed record StemSidecar(
    [property: JsonProperty(Required = Required.Always)] string Preset,
    [property: JsonProperty(Required = Required.Always)] string PresetHash,
    [property: JsonProperty(Required = Required.Always)] string Model,
    [property: JsonProperty(Required = Required.Always)] string ModelHash,
    [property: JsonProperty(Required = Required.Always)] ulong Seed,
    [property: JsonProperty(Required = Required.Always)] int Variation,
    [property: JsonProperty(Required = Required.Always)] float[] Temperatures,
    [property: JsonProperty(Required = Required.Always)] int Samples16k,
    [property: JsonProperty(Required = Required.Always)] int SampleRate,
    [property: JsonProperty(Required = Required.Always)] string Format,
    [property: JsonProperty(Required = Required.Always)] string KernelPath,
    string? Primer,
    string? PrimerHash,
    [property: JsonProperty(Required = Required.Always)] string AdaVersion)
{
    /// <summary>Sidecar file name for a stem.</summary>
    public static string PathFor(string wavPath) => System.IO.Path.ChangeExtension(wavPath, ".json");

    /// <summary>Writes the sidecar atomically.</summary>
    public void Write(string path) => Ada.Models.AtomicFile.WriteText(path, JsonConvert.SerializeObject(this, Formatting.Indented));

    /// <summary>Reads a sidecar; a bad one gives an error naming the file.</summary>
    public static StemSidecar Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"sidecar {path}: file not found", path);
        try
        {
            return JsonConvert.DeserializeObject<StemSidecar>(File.ReadAllText(path),
                       new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
                   ?? throw new InvalidDataException($"sidecar {path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"sidecar {path}: {e.Message}");
        }
    }
}
