using System.Text;
using System.Text.Json;

namespace AdaPlugin;

/// <summary>
/// The installed presets as the Preset parameter lists them: the top-level "name" of each *.json file in the
/// presets folder (ADA_PRESETS, else the user config folder), sorted. Only the name is read here, with
/// Utf8JsonReader (no reflection, NativeAOT-safe); the service reads the full preset.
/// </summary>
public static class PresetCatalog
{
    /// <summary>The environment variable that names the presets folder.</summary>
    public const string FolderVariable = "ADA_PRESETS";

    private const int MaxPresetBytes = 1 << 20;

    /// <summary>ADA_PRESETS if set, else &lt;user config&gt;/AdaPlugin/presets (~/.config on Linux, %APPDATA% on Windows).</summary>
    public static string ResolveFolder()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "AdaPlugin", "presets")
            : configured;
    }

    /// <summary>The preset names in <paramref name="folder"/>, sorted; unreadable files are skipped with a warning.</summary>
    public static IReadOnlyList<string> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > MaxPresetBytes)
                {
                    PluginLog.Warn($"AdaPlugin: preset {file} skipped: larger than {MaxPresetBytes} bytes");
                    continue;
                }
                names.Add(ReadName(bytes) ?? Path.GetFileNameWithoutExtension(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                PluginLog.Warn($"AdaPlugin: preset {file} skipped: {e.Message}");
            }
        }
        return [.. names];
    }

    /// <summary>The string value of the top-level "name" property, or null if there is none.</summary>
    public static string? ReadName(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a preset file must hold one JSON object");
        }
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
