using System.Diagnostics;

namespace AdaPlugin.Tests.Harness;

/// <summary>Runs a build step the harness needs (dotnet publish/build) to completion, failing with its output.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; throws with stdout and stderr when it exits non-zero.</summary>
    public static void Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
