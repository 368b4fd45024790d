using System.Diagnostics;

namespace Ada.Audio.Tests;

/// <summary>Runs SoX (CI installs it with `apt-get install sox libsox-fmt-all`) as an independent check of what we write.</summary>
internal static class Sox
{
    /// <summary>Runs `sox` with the arguments and returns stdout; ignores the test when sox is not installed.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("sox is not installed (apt-get install sox libsox-fmt-all)");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"sox {string.Join(' ', arguments)} failed: {stderr}");
            return stdout.Result.Trim();
        }
    }
}
