namespace AdaPlugin.Tests.Harness;

/// <summary>
/// The `ada` command line the plug-in starts as its generator service: build.ps1's Release build, built here once
/// if it is missing (a minute or two).
/// </summary>
public static class ServiceBinary
{
    private static readonly Lazy<string> Dll = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Path of ada.dll (run it with `dotnet`).</summary>
    public static string Path => Dll.Value;

    private static string Locate()
    {
        var dll = System.IO.Path.Combine(RepoPaths.Root, "src", "Ada.Cli", "bin", "Release", "net10.0", "ada.dll");
        if (File.Exists(dll))
        {
            return dll;
        }
        ChildProcess.Run("dotnet", ["build", System.IO.Path.Combine(RepoPaths.Root, "src", "Ada.Cli"), "-c", "Release", "--nologo", "-v", "quiet"]);
        return dll;
    }
}
