using System.Globalization;

namespace AdaPlugin.Tests.Harness;

/// <summary>
/// The NativeAOT AdaPlugin.so under test: build.ps1's artifact when it is newer than every source file under
/// plugin/, otherwise a fresh `dotnet publish` into a temp folder (once per test run; a minute or two).
/// </summary>
public static class PluginBinary
{
    private static readonly Lazy<string> Binary = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of a current AdaPlugin.so.</summary>
    public static string Path => Binary.Value;

    private static string Locate()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "the native host tests load the linux-x64 AdaPlugin.so");
        var newestSource = NewestPluginSource();
        var artifact = System.IO.Path.Combine(RepoPaths.ArtifactBundle, "Contents", "x86_64-linux", "AdaPlugin.so");
        if (File.Exists(artifact) && File.GetLastWriteTimeUtc(artifact) > newestSource)
        {
            return artifact;
        }
        // Keyed by the newest source time, so repeated runs on unchanged sources publish only once.
        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adaplugin-publish", newestSource.Ticks.ToString(CultureInfo.InvariantCulture));
        var binary = System.IO.Path.Combine(output, "bin", "AdaPlugin.so");
        if (!File.Exists(binary))
        {
            ChildProcess.Run("dotnet", ["publish", RepoPaths.PluginProject, "-c", "Release", "-r", "linux-x64", "--nologo", "-v", "quiet",
                "-o", System.IO.Path.Combine(output, "bin"), "--artifacts-path", System.IO.Path.Combine(output, "build")]);
            RemoveOlderPublishes(output);
        }
        return binary;
    }

    private static void RemoveOlderPublishes(string current)
    {
        foreach (var dir in Directory.EnumerateDirectories(System.IO.Path.GetDirectoryName(current)!))
        {
            if (dir != current)
            {
                try
                {
                    Directory.Delete(dir, true);
                }
                catch (IOException)
                {
                    // Another test run may be using it; it is removed next time.
                }
            }
        }
    }

    private static DateTime NewestPluginSource() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(RepoPaths.Root, "plugin"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}")
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}"))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MaxValue)
            .Max();
}
