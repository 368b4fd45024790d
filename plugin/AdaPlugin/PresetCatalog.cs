using System.Text;
using System.Text.Json;

namespace AdaPlugin;

/// <summary>
/// The installed presets as the Preset parameter lists them: the top-level "name" of each *.json file in the
/// presets folder (ADA_PRESETS, else the plug-in config's folder, else the user config folder), sorted. Only the
/// name and the sampling seed are read here, with Utf8JsonReader (no reflection, NativeAOT-safe); the service
/// reads and validates the full preset.
/// </summary>
public static class PresetCatalog
{
    /// <summary>The environment variable that names the presets folder.</summary>
    public const string FolderVariable = "ADA_PRESETS";

    private const int MaxPresetBytes = 1 << 20;

    /// <summary>ADA_PRESETS if set, else the folder the plug-in config names, else &lt;user config&gt;/AdaPlugin/presets.</summary>
    public static string ResolveFolder(string? configured = null)
    {
        var variable = Environment.GetEnvironmentVariable(FolderVariable);
        return !string.IsNullOrWhiteSpace(variable) ? variable
            : !string.IsNullOrWhiteSpace(configured) ? configured
            : Path.Combine(PluginSettings.UserConfigFolder(), "presets");
    }

    /// <summary>The preset names in <paramref name="folder"/>, sorted.</summary>
    public static IReadOnlyList<string> Load(string folder) => [.. LoadEntries(folder).Select(e => e.Name)];

    /// <summary>
    /// The presets in <paramref name="folder"/> sorted by name (the first file wins a duplicate name); unreadable
    /// files are skipped with a warning.
    /// </summary>
    public static IReadOnlyList<PresetEntry> LoadEntries(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var entries = new SortedDictionary<string, PresetEntry>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > MaxPresetBytes)
                {
                    PluginLog.Warn($"AdaPlugin: preset {file} skipped: larger than {MaxPresetBytes} bytes");
                    continue;
                }
                var name = ReadName(bytes) ?? Path.GetFileNameWithoutExtension(file);
                entries.TryAdd(name, new PresetEntry(name, Path.GetFullPath(file), ReadSeed(bytes)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                PluginLog.Warn($"AdaPlugin: preset {file} skipped: {e.Message}");
            }
        }
        return [.. entries.Values];
    }

    /// <summary>"sampling"."seed" when it is a non-negative integer, else 0.</summary>
    public static ulong ReadSeed(ReadOnlySpan<byte> json)
    {
        var reader = JsonObjectReader.Open(json, "a preset file");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSampling = reader.ValueTextEquals("sampling"u8);
            reader.Read();
            if (isSampling && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isSeed = reader.ValueTextEquals("seed"u8);
                    reader.Read();
                    if (isSeed)
                    {
                        return reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var seed) ? seed : 0;
                    }
                    reader.Skip();
                }
                return 0;
            }
            reader.Skip();
        }
        return 0;
    }

    /// <summary>The string value of the top-level "name" property, or null if there is none.</summary>
    public static string? ReadName(ReadOnlySpan<byte> json)
    {
        var reader = JsonObjectReader.Open(json, "a preset file");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            reader.Read();
            if (isName)
            {
                return reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : throw new JsonException($"\"name\" must be a string, not {reader.TokenType}");
            }
            reader.Skip();
        }
        return null;
    }
}
