using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ada.Data;

/// <summary>Reads and writes manifest.json: strict (unknown or missing fields are errors) and atomic.</summary>
public static class ManifestFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Serialises a manifest to JSON text.</summary>
    public static string ToJson(DatasetManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    /// <summary>Writes a manifest atomically (temp file + rename).</summary>
    public static void Write(string path, DatasetManifest manifest)
    {
        Validate(manifest, path);
        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(ToJson(manifest) + "\n"));
    }

    /// <summary>Reads and validates a manifest; any problem is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static DatasetManifest Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Manifest {path} does not exist (run 'ada data fetch <recipe>' first)", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates manifest JSON; <paramref name="name"/> is used in errors.</summary>
    public static DatasetManifest Parse(string json, string name)
    {
        DatasetManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<DatasetManifest>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Manifest {name}: {e.Message}", e);
        }
        if (manifest is null)
            throw new InvalidDataException($"Manifest {name}: the file holds JSON null");
        Validate(manifest, name);
        return manifest;
    }

    private static void Validate(DatasetManifest manifest, string name)
    {
        void Require(bool ok, string problem)
        {
            if (!ok)
                throw new InvalidDataException($"Manifest {name}: {problem}");
        }

        Require(manifest.Format == DatasetManifest.CurrentFormat,
            $"format {manifest.Format} is not the supported format {DatasetManifest.CurrentFormat}");
        Require(manifest.SampleRate == AudioFormat.SampleRate,
            $"sampleRate {manifest.SampleRate} is not {AudioFormat.SampleRate}");
        for (int i = 0; i < manifest.Files.Count; i++)
        {
            var f = manifest.Files[i];
            var at = $"files[{i}] ('{f.Id}')";
            Require(IsInside(f.Path), $"{at}.path '{f.Path}' must be a relative path inside the dataset folder");
            Require(f.Midi is null || IsInside(f.Midi), $"{at}.midi '{f.Midi}' must be a relative path inside the dataset folder");
            Require(f.Samples >= 0, $"{at}.samples is negative ({f.Samples})");
            Require(f.TrimStartSamples is null or >= 0, $"{at}.trimStartSamples is negative ({f.TrimStartSamples})");
            Require(Hashing.IsSha256Hex(f.Sha256), $"{at}.sha256 is not a 64-character lower-case hex SHA-256");
            Require(Hashing.IsSha256Hex(f.SourceSha256), $"{at}.sourceSha256 is not a 64-character lower-case hex SHA-256");
            Require(Enum.IsDefined(f.Split), $"{at}.split has no valid value");
        }
        var duplicate = manifest.Files.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, $"id '{duplicate?.Key}' appears more than once");
        var sharedPath = manifest.Files.GroupBy(f => f.Path).FirstOrDefault(g => g.Count() > 1);
        Require(sharedPath is null, $"path '{sharedPath?.Key}' appears more than once");
    }

    private static bool IsInside(string relative) =>
        relative.Length > 0 && !Path.IsPathRooted(relative) && !relative.Contains('\\')
        && relative.Split('/').All(part => part is not ("" or "." or ".."));
}
