namespace Ada.Data;

/// <summary>Where datasets live: one folder per recipe under a cache root that is never inside git.</summary>
public static class DataPaths
{
    /// <summary>File name of the manifest inside a recipe folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Sub-folder of a recipe folder holding the WAV (and MIDI) files.</summary>
    public const string AudioFolderName = "audio";

    /// <summary>$ADA_DATA, else $XDG_CACHE_HOME/adaplugin/data, else ~/.cache/adaplugin/data.</summary>
    public static string DefaultRoot() => DefaultRoot(Environment.GetEnvironmentVariable);

    /// <summary>The default root computed from the given environment lookup (testable without touching the process environment).</summary>
    public static string DefaultRoot(Func<string, string?> environment)
    {
        var explicitRoot = environment("ADA_DATA");
        if (!string.IsNullOrWhiteSpace(explicitRoot))
            return Path.GetFullPath(explicitRoot);
        var cache = environment("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.GetFullPath(Path.Combine(cache, "adaplugin", "data"));
    }

    /// <summary>The folder of one recipe under a root (the default root when null).</summary>
    public static string RecipeDirectory(string? root, string recipe) =>
        Path.Combine(root is null ? DefaultRoot() : Path.GetFullPath(root), recipe);

    /// <summary>The manifest path of one recipe under a root (the default root when null).</summary>
    public static string ManifestPath(string? root, string recipe) =>
        Path.Combine(RecipeDirectory(root, recipe), ManifestFileName);
}
