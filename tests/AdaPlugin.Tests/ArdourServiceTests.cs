using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>
/// The whole product path in a real host: Ardour loads AdaPlugin, the plug-in starts `ada serve` itself (from its
/// config file) when the session activates it, arms the takes of the keys played, and ardour7-export's offline
/// bounce waits for the generated audio. Two exports must be bit-identical, sound where notes play and be silent
/// elsewhere. Uses the shipped default model and preset. Skipped where Ardour is not installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ArdourServiceTests
{
    private const int Rate = 48000;
    private const string SessionName = "ada";
    private const double Seconds = 4.0;
    private static readonly int Release = (int)Math.Ceiling(VoiceBank.ReleaseSeconds * Rate);
    private static readonly NoteSpec[] Notes = [new(24_000, 48_000, 60, 1f), new(96_000, 48_000, 67, 1f)];

    private string _sandbox = "";
    private ArdourHost _ardour = null!;
    private FloatWav _first = null!;
    private FloatWav _second = null!;
    private string _log = "";

    [OneTimeSetUp]
    public void RenderTwice()
    {
        Assume.That(ArdourHost.IsInstalled, Is.True, "Ardour 7 (apt package ardour) is not installed");
        _sandbox = Directory.CreateTempSubdirectory("ada-svc-").FullName;
        var socket = Path.Combine(_sandbox, "ada.sock");
        var config = Path.Combine(_sandbox, "config.json");
        _ardour = new ArdourHost(new Dictionary<string, string> { [PluginSettings.ConfigVariable] = config });
        InstallDefaultPreset(_ardour.PresetsFolder);
        var command = new JsonArray("dotnet", ServiceBinary.Path, "serve", "--socket", socket, "--presets", _ardour.PresetsFolder,
            "--cache", Path.Combine(_sandbox, "takes"), "--idle-minutes", "2");
        File.WriteAllText(config, new JsonObject { ["socket"] = socket, ["serviceCommand"] = command, ["offlineTimeoutSeconds"] = 120 }.ToJsonString());

        _ardour.Scan();
        var sessionFolder = Path.Combine(_ardour.Root, "session");
        _ardour.RunLua("create.lua", ArdourScripts.CreateSession(sessionFolder, SessionName, Seconds, Notes, new Dictionary<string, double>()),
            reset: () => Directory.Delete(sessionFolder, recursive: true));
        _first = Export(sessionFolder, "render0.wav");
        _second = Export(sessionFolder, "render1.wav");
        _log = File.ReadAllText(_ardour.LogFile);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        foreach (Match started in ServicePid().Matches(_log))
        {
            try
            {
                using var process = Process.GetProcessById(int.Parse(started.Groups[1].Value, CultureInfo.InvariantCulture));
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone (idle shutdown).
            }
        }
        _ardour?.Dispose();
        if (Directory.Exists(_sandbox))
        {
            Directory.Delete(_sandbox, true);
        }
    }

    [Test]
    public void ThePluginStartedTheServiceAndConnected()
    {
        Assert.That(ServicePid().IsMatch(_log), Is.True, "the plug-in started `ada serve` from its config\n" + _log);
        Assert.That(_log, Does.Contain("connected to generator service"));
        Assert.That(_log, Does.Not.Contain("offline render waited"), "no export block gave up waiting");
    }

    [Test]
    public void TwoExports_AreBitIdentical() => Assert.That(_second.Data.SequenceEqual(_first.Data), Is.True);

    [Test]
    public void Export_SoundsWhereNotesPlay_AndIsSilentElsewhere()
    {
        var left = _first.Channels[0];
        Assert.That(_first.Frames, Is.EqualTo((int)(Seconds * Rate)));
        foreach (var note in Notes)
        {
            var rms = Rms(left.AsSpan(note.Start, note.Length));
            Assert.That(rms, Is.GreaterThan(1e-3), $"key {note.Key} sounds (RMS {rms})");
        }
        var quiet = new[] { (0, Notes[0].Start), (Notes[0].End + Release + 1, Notes[1].Start), (Notes[1].End + Release + 1, left.Length) };
        foreach (var (from, to) in quiet)
        {
            Assert.That(left.AsSpan(from, to - from).ContainsAnyExcept(0f), Is.False, $"samples {from}..{to} are silent");
        }
    }

    [Test]
    public void KeysPlayDifferentVariations()
    {
        var left = _first.Channels[0];
        var a = left.AsSpan(Notes[0].Start, 4800).ToArray();
        var b = left.AsSpan(Notes[1].Start, 4800).ToArray();
        Assert.That(a, Is.Not.EqualTo(b));
    }

    private FloatWav Export(string sessionFolder, string name)
    {
        var wav = Path.Combine(_ardour.Root, name);
        _ardour.Export(sessionFolder, SessionName, wav);
        return FloatWav.Read(wav);
    }

    /// <summary>The default preset, pointing at the repository's default model by absolute path.</summary>
    private static void InstallDefaultPreset(string folder)
    {
        var presets = Path.Combine(RepoPaths.Root, "presets");
        var preset = JsonNode.Parse(File.ReadAllText(Path.Combine(presets, "piano-sketch.json")))!.AsObject();
        preset["model"]!["path"] = Path.GetFullPath(Path.Combine(presets, (string)preset["model"]!["path"]!));
        preset.Remove("$schema");
        File.WriteAllText(Path.Combine(folder, "piano-sketch.json"), preset.ToJsonString());
    }

    private static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * s;
        }
        return Math.Sqrt(sum / samples.Length);
    }

    [GeneratedRegex(@"started the generator service: .* \(pid (\d+)\)")]
    private static partial Regex ServicePid();
}
