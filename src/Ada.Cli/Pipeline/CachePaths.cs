using Ada.Data;

namespace Ada.Cli.Pipeline;

/// <summary>
/// Where relative paths in training configs point: "data/…" into the data cache ($ADA_DATA or
/// ~/.cache/adaplugin/data), anything else into the AdaPlugin cache ($ADA_CACHE or ~/.cache/adaplugin),
/// so runs and checkpoints stay out of git whatever the working folder.
/// </summary>
public static class CachePaths
{
    /// <summary>$ADA_CACHE, else $XDG_CACHE_HOME/adaplugin, else ~/.cache/adaplugin.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("ADA_CACHE") is { Length: > 0 } ada ? ada :
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "adaplugin");

    /// <summary>Resolves a config path: absolute stays, "data/x" goes to the data cache, the rest under <see cref="Root"/>.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var parts = path.Replace('\\', '/').Split('/', 2);
        return parts[0] == "data" && parts.Length == 2
            ? Path.Combine(DataPaths.DefaultRoot(), parts[1])
            : Path.Combine(Root, path);
    }

    /// <summary>A path that exists as given (e.g. models/default-piano) stays; otherwise it is a config-style path into the cache (runs/eval/x).</summary>
    public static string Locate(string path) => File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : Resolve(path);

    /// <summary>The manifest for a dataset path: a manifest file, or a recipe folder holding manifest.json.</summary>
    public static string Manifest(string datasetPath)
    {
        var resolved = Resolve(datasetPath);
        var manifest = Directory.Exists(resolved) ? Path.Combine(resolved, DataPaths.ManifestFileName) : resolved;
        if (!File.Exists(manifest))
            throw new FileNotFoundException($"dataset {datasetPath}: no manifest at {manifest} (prepare it with `ada data fetch <recipe>`)", manifest);
        return manifest;
    }
}
