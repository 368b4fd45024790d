namespace Ada.Models;

/// <summary>Reads and validates run configs from disk.</summary>
public static class RunConfigFile
{
    /// <summary>Loads a JSON run config; every error is a <see cref="ConfigException"/> starting with "config PATH:".</summary>
    public static RunConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"config {path}: file not found");
        return Parse(File.ReadAllText(path), $"config {path}");
    }

    /// <summary>Parses and validates JSON text; <paramref name="source"/> prefixes error messages.</summary>
    public static RunConfig Parse(string json, string source = "config")
    {
        var config = Json.Read<RunConfig>(json, source);
        try
        {
            return config.Validate();
        }
        catch (ConfigException e)
        {
            throw new ConfigException($"{source}: {e.Message}", e);
        }
    }
}
