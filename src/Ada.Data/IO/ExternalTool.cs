using System.ComponentModel;
using System.Diagnostics;

namespace Ada.Data;

/// <summary>Runs an external program with an argument list (no shell quoting) and captures its output.</summary>
public static class ExternalTool
{
    /// <summary>True when <paramref name="program"/> can be found on PATH.</summary>
    public static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>Runs the program and returns its standard output; throws <see cref="ExternalToolException"/> on a non-zero exit.</summary>
    public static string Run(string program, IReadOnlyList<string> arguments, CancellationToken cancellation = default,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, stdout, stderr) = RunUnchecked(program, arguments, cancellation, environment);
        if (exitCode != 0)
            throw new ExternalToolException($"'{CommandLine(program, arguments)}' failed with exit code {exitCode}: {Tail(stderr + stdout)}");
        return stdout;
    }

    /// <summary>Runs the program and returns its exit code and output without judging them.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunUnchecked(string program, IReadOnlyList<string> arguments,
        CancellationToken cancellation = default, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExternalToolException($"'{program}' could not be started (is it installed and on PATH?): {e.Message}", e);
        }
        process.StandardInput.Close();
        // Both streams are drained concurrently so a chatty program cannot block on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (cancellation.Register(() => KillQuietly(process)))
            process.WaitForExit();
        cancellation.ThrowIfCancellationRequested();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The command as a person would type it, for messages.</summary>
    public static string CommandLine(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a)));

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= 2000 ? text : "…" + text[^2000..];
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
