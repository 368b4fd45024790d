using System.Text.Json;
using Ada.Protocol.Transport;

namespace AdaPlugin;

/// <summary>
/// Where the plug-in finds its presets and generator service: the config file <c>build.ps1 -Install</c> writes
/// (<c>~/.config/AdaPlugin/config.json</c>, or ADA_PLUGIN_CONFIG), overridden by environment variables.
/// A missing file means defaults; a broken one is reported in the log and ignored, never fatal inside a host.
/// </summary>
/// <param name="SocketPath">The service's Unix socket (ADA_SERVICE_SOCKET, "socket", else the protocol default).</param>
/// <param name="ServiceCommand">Program and arguments that start the service when nothing answers ("serviceCommand"); empty: never start one.</param>
/// <param name="PresetsFolder">The presets folder from "presets" (ADA_PRESETS still wins, see <see cref="PresetCatalog"/>).</param>
/// <param name="OfflineTimeout">How long an offline (bounce) block waits for the service before giving up with silence ("offlineTimeoutSeconds").</param>
public sealed record PluginSettings(string SocketPath, IReadOnlyList<string> ServiceCommand, string? PresetsFolder, TimeSpan OfflineTimeout)
{
    /// <summary>The environment variable naming the config file.</summary>
    public const string ConfigVariable = "ADA_PLUGIN_CONFIG";

    /// <summary>The environment variable naming the service socket.</summary>
    public const string SocketVariable = "ADA_SERVICE_SOCKET";

    /// <summary>Offline wait when the config names none: long enough for a cold service to load its model and render ahead.</summary>
    public static readonly TimeSpan DefaultOfflineTimeout = TimeSpan.FromSeconds(120);

    private const int MaxConfigBytes = 64 * 1024;

    /// <summary>&lt;user config&gt;/AdaPlugin (~/.config/AdaPlugin on Linux, %APPDATA%\AdaPlugin on Windows).</summary>
    public static string UserConfigFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "AdaPlugin");

    /// <summary>ADA_PLUGIN_CONFIG if set, else config.json in <see cref="UserConfigFolder"/>.</summary>
    public static string ConfigPath() =>
        Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } path ? path : Path.Combine(UserConfigFolder(), "config.json");

    /// <summary>The settings from the config file and environment; problems are logged and fall back to defaults.</summary>
    public static PluginSettings Load()
    {
        var path = ConfigPath();
        var settings = new PluginSettings(ProtocolPaths.DefaultSocketPath(), [], null, DefaultOfflineTimeout);
        if (File.Exists(path))
        {
            try
            {
                var bytes = File.ReadAllBytes(path);
                settings = bytes.Length <= MaxConfigBytes
                    ? Parse(bytes, settings)
                    : throw new JsonException($"larger than {MaxConfigBytes} bytes");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                PluginLog.Warn($"AdaPlugin: config {path} ignored: {e.Message}");
            }
        }
        return Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } socket ? settings with { SocketPath = socket } : settings;
    }

    /// <summary>Reads a config object over <paramref name="defaults"/>; unknown keys are errors so typos are not silently ignored.</summary>
    public static PluginSettings Parse(ReadOnlySpan<byte> json, PluginSettings defaults)
    {
        var reader = JsonObjectReader.Open(json, "the config");
        var settings = defaults;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            settings = key switch
            {
                "socket" => settings with { SocketPath = String(ref reader, key) },
                "presets" => settings with { PresetsFolder = String(ref reader, key) },
                "serviceCommand" => settings with { ServiceCommand = Strings(ref reader, key) },
                "offlineTimeoutSeconds" => settings with { OfflineTimeout = Seconds(ref reader, key) },
                _ => throw new JsonException($"unknown key \"{key}\" (expected socket, presets, serviceCommand, offlineTimeoutSeconds)"),
            };
        }
        return settings;
    }

    private static string String(ref Utf8JsonReader reader, string key) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } value
            ? value
            : throw new JsonException($"\"{key}\" must be a non-empty string");

    private static string[] Strings(ref Utf8JsonReader reader, string key)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"\"{key}\" must be an array of strings (program, then arguments)");
        }
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(String(ref reader, key));
        }
        return [.. values];
    }

    private static TimeSpan Seconds(ref Utf8JsonReader reader, string key) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var seconds) && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new JsonException($"\"{key}\" must be a number of seconds in (0, 3600]");
}
