using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Ada.Presets;

/// <summary>Loads presets, validating them against the checked-in schema and reporting every bad field with its path.</summary>
public static class PresetLoader
{
    static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(PresetLoader).Assembly.GetManifestResourceStream("preset.schema.json")
                           ?? throw new InvalidOperationException("preset schema resource missing from the build");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    static readonly JsonSerializerSettings Settings = new()
    {
        MissingMemberHandling = MissingMemberHandling.Ignore,   // the schema already rejected unknown keys ($schema is allowed)
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
    };

    /// <summary>The preset schema text (for docs and tools).</summary>
    public static string SchemaJson => Schema.Value.ToJson();

    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="PresetException"/> listing every problem.</summary>
    public static Preset Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new PresetException(path, new[] { "file not found" });
        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Validates and parses preset JSON text; <paramref name="sourcePath"/> anchors relative model paths and names errors.</summary>
    public static Preset Parse(string json, string sourcePath)
    {
        JToken token;
        try
        {
            token = JToken.Parse(json);
        }
        catch (JsonReaderException e)
        {
            throw new PresetException(sourcePath, new[] { $"not valid JSON ({e.Message})" });
        }

        var problems = Schema.Value.Validate(token).SelectMany(Flatten).Select(Describe).Distinct().ToList();
        if (problems.Count > 0) throw new PresetException(sourcePath, problems);

        var preset = token.ToObject<Preset>(JsonSerializer.Create(Settings))!;
        return preset with { SourcePath = sourcePath };
    }

    /// <summary>Checks what the schema cannot: the model file exists and the level count matches the temperatures.</summary>
    /// <param name="preset">A loaded preset.</param>
    /// <param name="modelLevels">Levels of the resolved model, or null when it was not loaded.</param>
    public static void CheckAgainstModel(Preset preset, int? modelLevels)
    {
        var problems = new List<string>();
        if (!File.Exists(preset.ModelPath)) problems.Add($"model.path: model manifest {preset.ModelPath} not found");
        if (modelLevels is { } levels && preset.Sampling.Temperatures.Length != levels)
            problems.Add($"sampling.temperatures: {preset.Sampling.Temperatures.Length} values, the model has {levels} levels");
        if (problems.Count > 0) throw new PresetException(preset.SourcePath, problems);
    }

    static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child && child.Errors.Count > 0
            ? child.Errors.Values.SelectMany(e => e).SelectMany(Flatten)
            : new[] { error };

    static string Describe(ValidationError error)
    {
        var path = string.IsNullOrEmpty(error.Path) ? "(root)" : error.Path.TrimStart('#', '/').Replace('/', '.');
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{path}: unknown key",
            ValidationErrorKind.PropertyRequired => $"{path}: required key missing",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberTooSmall
                => $"{path}: value out of range",
            ValidationErrorKind.NotInEnumeration => $"{path}: value not allowed",
            _ => $"{path}: {System.Text.RegularExpressions.Regex.Replace(error.Kind.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant()}",
        };
    }
}
