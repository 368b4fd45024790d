namespace Ada.Cli;

/// <summary>Locates the repository (for benchmarks, shipped models and presets when run from a clone).</summary>
public static class RepoPaths
{
    /// <summary>The folder holding AdaPlugin.sln, searched upward from the app and the working directory.</summary>
    public static string Root => Find
        ?? throw new DirectoryNotFoundException("cannot find the AdaPlugin repository (AdaPlugin.sln) above the app or the current folder");

    /// <summary><see cref="Root"/>, or null when neither the app nor the working directory is inside a clone.</summary>
    public static string? Find => FindUp(AppContext.BaseDirectory) ?? FindUp(Environment.CurrentDirectory);

    static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AdaPlugin.sln"))) return dir.FullName;
        return null;
    }
}
