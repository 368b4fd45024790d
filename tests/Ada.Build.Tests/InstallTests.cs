using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Ada.Build.Tests;

/// <summary>
/// `build.ps1 -Install -NoBuild` into temp folders: the bundle, service, models, presets and config land where the
/// plug-in looks, the installed service renders with the installed preset on its own, and a user's edited config
/// is kept as a backup. Needs the bundle a build.ps1 run leaves in artifacts/ (CI builds it before testing).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InstallTests
{
    private string _root = "";
    private string _output = "";

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AdaPlugin.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("AdaPlugin.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private string Vst3 => Path.Combine(_root, "vst3");

    private string Data => Path.Combine(_root, "data");

    private string ConfigFile => Path.Combine(_root, "config", "config.json");

    [OneTimeSetUp]
    public void InstallOnce()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "the install test checks the Linux layout");
        Assume.That(Path.Combine(RepoRoot, "artifacts", "AdaPlugin.vst3", "Contents", "x86_64-linux", "AdaPlugin.so"), Does.Exist,
            "run `dotnet pwsh build.ps1` first: -Install -NoBuild installs its artifacts");
        _root = Directory.CreateTempSubdirectory("ada-install-").FullName;
        _output = Install();
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }

    [Test]
    public void BundleServicePresetsAndModels_AreInPlace()
    {
        Assert.That(Path.Combine(Vst3, "AdaPlugin.vst3", "Contents", "x86_64-linux", "AdaPlugin.so"), Does.Exist);
        Assert.That(Path.Combine(Data, "presets", "piano-sketch.json"), Does.Exist);
        Assert.That(Path.Combine(Data, "models", "default-piano", "model.json"), Does.Exist);
        Assert.That(Directory.GetDirectories(_root, "*.installing", SearchOption.AllDirectories), Is.Empty, "no staging folder left behind");
    }

    [Test]
    public void Config_PointsAtTheInstalledPresetsAndService()
    {
        var config = JsonNode.Parse(File.ReadAllText(ConfigFile))!.AsObject();
        Assert.That((string?)config["presets"], Is.EqualTo(Path.Combine(Data, "presets")));
        var command = config["serviceCommand"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.That(command, Is.EqualTo(new[] { Path.Combine(Data, "service", "ada"), "serve", "--presets", Path.Combine(Data, "presets") }));
        Assert.That(command[0], Does.Exist);
    }

    [Test]
    public void InstalledService_RendersTheInstalledPreset()
    {
        var wav = Path.Combine(_root, "one-second.wav");
        var (exit, output) = Run(Path.Combine(Data, "service", "ada"),
            ["render", "--preset", Path.Combine(Data, "presets", "piano-sketch.json"), "--seconds", "1", "--out", wav]);
        Assert.That(exit, Is.Zero, output);
        Assert.That(new FileInfo(wav).Length, Is.GreaterThan(44_100 * 3), "a second of 24-bit audio at 44.1 kHz");
    }

    [Test]
    public void Reinstall_KeepsAnEditedConfigAsBackup()
    {
        var edited = File.ReadAllText(ConfigFile).Replace("\"presets\"", "\"socket\": \"/tmp/mine.sock\", \"presets\"");
        File.WriteAllText(ConfigFile, edited);
        Install();
        Assert.That(File.ReadAllText(ConfigFile + ".bak"), Is.EqualTo(edited));
        Assert.That(File.ReadAllText(ConfigFile), Does.Not.Contain("mine.sock"));
    }

    private string Install()
    {
        var (exit, output) = Run("dotnet", ["pwsh", Path.Combine(RepoRoot, "build.ps1"), "-Install", "-NoBuild",
            "-Vst3Dir", Vst3, "-DataDir", Data, "-ConfigDir", Path.GetDirectoryName(ConfigFile)!]);
        Assert.That(exit, Is.Zero, output);
        return output;
    }

    private (int Exit, string Output) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within 8 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
