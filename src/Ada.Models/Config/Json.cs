using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Ada.Models;

/// <summary>The one JSON dialect of configs and checkpoint headers: camelCase, unknown keys rejected.</summary>
public static class Json
{
    /// <summary>Strict settings: unknown keys and missing required keys are errors.</summary>
    internal static JsonSerializerSettings Settings { get; } = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        MissingMemberHandling = MissingMemberHandling.Error,
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
        FloatParseHandling = FloatParseHandling.Double,
    };

    /// <summary>Serialises with <see cref="Settings"/>.</summary>
    public static string Write<T>(T value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>Parses strictly; <paramref name="source"/> names the file in error messages.</summary>
    public static T Read<T>(string json, string source)
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Settings)
                   ?? throw new ConfigException($"{source}: empty document");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{source}: {Describe(e)}", e);
        }
    }

    static string Describe(JsonException e)
    {
        var path = e switch
        {
            JsonSerializationException s => s.Path,
            JsonReaderException r => r.Path,
            _ => null,
        };
        var message = e.Message.Split('\n')[0];
        foreach (var cut in new[] { " Path '", " because the type requires" })
            if (message.IndexOf(cut, StringComparison.Ordinal) is var i and > 0) message = message[..i];
        if (message.StartsWith("Could not find member", StringComparison.Ordinal)) return $"unknown key '{path}'";
        var required = Regex.Match(message, "^Required property '([^']+)' not found");
        if (required.Success) return $"missing key '{(string.IsNullOrEmpty(path) ? "" : path + ".")}{required.Groups[1].Value}'";
        return string.IsNullOrEmpty(path) ? message : $"key '{path}': {message}";
    }
}
