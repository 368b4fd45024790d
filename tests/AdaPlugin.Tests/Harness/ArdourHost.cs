using System.Diagnostics;

namespace AdaPlugin.Tests.Harness;

/// <summary>
/// Headless Ardour 7 (Debian package `ardour`) in a private sandbox: its own HOME, XDG config/cache folders and
/// VST3_PATH, with a copy of the AdaPlugin bundle whose .so is back-dated so the scanner's cache is newer than it
/// (Ardour ignores a cache that is not strictly newer). See docs vst3-in-ardour.md.
/// Headless Ardour 7.3 is racy on a loaded machine: exports hang in Session::start_audio_export (the main thread
/// waits for the butler forever) — measured 5 of 13 with Ardour's own LV2 synth and 3 of 24 with AdaPlugin — and
/// ardour7-lua sometimes aborted while creating a track. So every Ardour step gets a time limit and a few attempts.
/// </summary>
internal sealed class ArdourHost : IDisposable
{
    private const string ArdourLibraries = "/usr/lib/ardour7";
    private const int Attempts = 5;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(40);
    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <summary>A sandbox whose Ardour processes get <paramref name="environment"/> (default: the plug-in's test tone instead of a service).</summary>
    public ArdourHost(IReadOnlyDictionary<string, string>? environment = null)
    {
        _environment = environment ?? new Dictionary<string, string> { [TestToneTakeSource.EnableVariable] = "1" };
        Root = Directory.CreateTempSubdirectory("adaplugin-ardour-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName;
        Vst3Folder = Directory.CreateDirectory(Path.Combine(Root, "vst3")).FullName;
        Bundle = Path.Combine(Vst3Folder, "AdaPlugin.vst3");
        var binary = Path.Combine(Directory.CreateDirectory(Path.Combine(Bundle, "Contents", "x86_64-linux")).FullName, "AdaPlugin.so");
        File.Copy(PluginBinary.Path, binary);
        var past = DateTime.UtcNow.AddDays(-1);
        File.SetLastWriteTimeUtc(binary, past);
        foreach (var dir in new[] { Path.GetDirectoryName(binary)!, Path.Combine(Bundle, "Contents"), Bundle })
        {
            Directory.SetLastWriteTimeUtc(dir, past);
        }
        PresetsFolder = Directory.CreateDirectory(Path.Combine(Root, "presets")).FullName;
        LogFile = Path.Combine(Root, "adaplugin.log");
    }

    /// <summary>Whether the Ardour 7 tools these tests drive are installed.</summary>
    public static bool IsInstalled =>
        File.Exists(Path.Combine(ArdourLibraries, "ardour-vst3-scanner")) && File.Exists("/usr/bin/ardour7-lua") && File.Exists("/usr/bin/ardour7-export");

    public string Root { get; }

    public string Home { get; }

    public string Vst3Folder { get; }

    public string Bundle { get; }

    public string PresetsFolder { get; }

    /// <summary>ADA_PLUGIN_LOG of every Ardour process started here.</summary>
    public string LogFile { get; }

    /// <summary>Ardour's VST3 scan cache folder.</summary>
    public string ScanCacheFolder => Path.Combine(Home, ".cache", "ardour7", "vst");

    /// <summary>Runs the VST3 scanner on the bundle (headless Ardour only reads the cache the scanner writes).</summary>
    public string Scan() => Run(Path.Combine(ArdourLibraries, "ardour-vst3-scanner"), ["-f", "-v", Bundle], withArdourLibraries: true);

    /// <summary>Runs a Lua session script with ardour7-lua; <paramref name="reset"/> undoes a failed attempt's leftovers.</summary>
    public string RunLua(string name, string script, Action? reset = null)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, script);
        return WithRetries(name, () => Run("/usr/bin/ardour7-lua", [path]), reset);
    }

    /// <summary>Exports the session range to a 32-bit float WAV.</summary>
    public string Export(string sessionFolder, string sessionName, string wav) =>
        WithRetries("export " + Path.GetFileName(wav), () => Run("/usr/bin/ardour7-export", ["-b", "float", "-o", wav, sessionFolder, sessionName]));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result matters more.
        }
    }

    private static string WithRetries(string step, Func<string> attempt, Action? reset = null)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return attempt();
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException && i < Attempts)
            {
                TestContext.Progress.WriteLine($"Ardour {step}: attempt {i} failed ({e.Message.Split('\n')[0]}); retrying");
                reset?.Invoke();
            }
        }
    }

    private string Run(string file, string[] args, bool withArdourLibraries = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Home, ".cache");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(Home, ".local", "share");
        start.Environment["VST3_PATH"] = Vst3Folder;
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        start.Environment["ADA_PLUGIN_LOG"] = LogFile;
        start.Environment["ADA_PRESETS"] = PresetsFolder;
        if (withArdourLibraries)
        {
            start.Environment["LD_LIBRARY_PATH"] = ArdourLibraries;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(AttemptTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {AttemptTimeout}:\n{stdout.Result}{stderr.Result}");
        }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
        }
        return output;
    }
}
