namespace AdaPlugin.Tests.Harness;

/// <summary>Locations in the repository, found by walking up from the test binaries to AdaPlugin.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdaPlugin.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no AdaPlugin.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>plugin/AdaPlugin/AdaPlugin.csproj.</summary>
    public static string PluginProject => Path.Combine(Root, "plugin", "AdaPlugin", "AdaPlugin.csproj");

    /// <summary>Where build.ps1 puts the bundle.</summary>
    public static string ArtifactBundle => Path.Combine(Root, "artifacts", "AdaPlugin.vst3");
}
