using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>
/// AdaPlugin in a real host: Ardour 7 scans it, a Lua script builds a session with a MIDI track, the plug-in and
/// two notes, ardour7-export renders it twice (a third time if Ardour shifted one; ADA_PLUGIN_TEST_TONE=1), and the
/// saved session is reopened.
/// Skipped where Ardour is not installed. About 15 s, more when a hung Ardour step has to be retried.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ArdourTests
{
    private const int Rate = 48000;
    private const string SessionName = "ada";
    private const double Seconds = 4.0;
    private const double GainDb = -6.0;
    private const int VariationOffset = 7;
    private static readonly int Release = (int)Math.Ceiling(VoiceBank.ReleaseSeconds * Rate);
    private static readonly int Attack = (int)Math.Ceiling(VoiceBank.AttackSeconds * Rate);

    // Keys 70 and 82 (A#) so no note starts on a zero of its sine; starts are whole beats at 120 bpm.
    private static readonly NoteSpec[] Notes = [new(24_000, 48_000, 70, 1f), new(96_000, 48_000, 82, 64 / 127f)];

    private ArdourHost _ardour = null!;
    private string _scan = "";
    private string _sessionFolder = "";
    private FloatWav _first = null!;
    private FloatWav _second = null!;
    private string _reopened = "";

    [OneTimeSetUp]
    public void RenderOnce()
    {
        Assume.That(ArdourHost.IsInstalled, Is.True, "Ardour 7 (apt package ardour) is not installed");
        _ardour = new ArdourHost();
        _scan = _ardour.Scan();
        _sessionFolder = Path.Combine(_ardour.Root, "session");
        _ardour.RunLua("create.lua", ArdourScripts.CreateSession(_sessionFolder, SessionName, Seconds, Notes,
                new Dictionary<string, double> { ["Output gain"] = GainDb, ["Variation offset"] = VariationOffset }),
            reset: () => Directory.Delete(_sessionFolder, recursive: true));
        (_first, _second) = RenderIdenticalPair();
        _reopened = _ardour.RunLua("reopen.lua", ArdourScripts.PrintParameters(_sessionFolder, SessionName));
    }

    /// <summary>
    /// Two renders, and a third when they differ. Measured on a loaded machine (load average 6–12 on 2 cores): of 22
    /// exports of one session, 21 were bit-identical and one was the same audio exactly 16 frames early
    /// (render[t] == others[t + 16] for every sample, so Ardour's capture started late; the plug-in's phase follows
    /// the project position it is given). A third render then matches one of the first two; a plug-in that is not
    /// deterministic would match neither.
    /// </summary>
    private (FloatWav, FloatWav) RenderIdenticalPair()
    {
        var renders = new List<FloatWav>();
        for (var i = 0; i < 3; i++)
        {
            var wav = Path.Combine(_ardour.Root, $"render{i}.wav");
            _ardour.Export(_sessionFolder, SessionName, wav);
            var render = FloatWav.Read(wav);
            var twin = renders.FirstOrDefault(r => r.Data.SequenceEqual(render.Data));
            if (twin is not null)
            {
                return (twin, render);
            }
            if (renders.Count > 0)
            {
                TestContext.Progress.WriteLine($"Ardour render {i} differs from the earlier ones (first sound at sample " +
                    $"{FirstNonZero(render.Channels[0], 0)} vs {string.Join(", ", renders.Select(r => FirstNonZero(r.Channels[0], 0)))})");
            }
            renders.Add(render);
        }
        return (renders[0], renders[1]);
    }

    [OneTimeTearDown]
    public void Clean() => _ardour?.Dispose();

    [Test]
    public void Scanner_FindsAdaPluginAsAnInstrumentSynth()
    {
        Assert.That(_scan, Does.Contain("Found Plugin: AdaPlugin"));
        var cache = Directory.GetFiles(_ardour.ScanCacheFolder, "*.v3i").Single();
        var info = XDocument.Load(cache).Descendants("VST3Info").Single();
        Assert.That((string?)info.Attribute("uid"), Is.EqualTo(AdaPluginRegistration.ClassId.ToString()));
        Assert.That((string?)info.Attribute("category"), Is.EqualTo("Instrument|Synth"));
        Assert.That(((string?)info.Attribute("n_outputs"), (string?)info.Attribute("n_midi_inputs")), Is.EqualTo(("2", "1")));
    }

    [Test]
    public void Render_HasTheSessionsLengthAndRate()
    {
        Assert.That(_first.SampleRate, Is.EqualTo(Rate));
        Assert.That(_first.Channels, Has.Length.EqualTo(2));
        Assert.That(_first.Frames, Is.EqualTo((int)(Seconds * Rate)));
    }

    [Test]
    public void Render_PlaysEachNoteAtItsPitchAndLevel_FromItsFirstSample()
    {
        var left = _first.Channels[0];
        var gain = Math.Pow(10, GainDb / 20);
        foreach (var note in Notes)
        {
            var frequency = TestToneTakeSource.Frequency(note.Key);
            var peak = TestToneTakeSource.Amplitude * note.Velocity * gain;
            Assert.That(FirstNonZero(left, note.Start - 1_000), Is.EqualTo(note.Start), $"key {note.Key} starts on its sample");
            var sustain = left.AsSpan(note.Start + Attack + 1, note.Length - Attack - 1).ToArray();
            Assert.That(sustain.Max(), Is.EqualTo(peak).Within(peak * 0.01), $"key {note.Key} level");
            Assert.That(ZeroCrossingHz(sustain), Is.EqualTo(frequency).Within(frequency * 0.005), $"key {note.Key} pitch");
        }
        Assert.That(_second.Channels[1], Is.EqualTo(_second.Channels[0]), "both channels carry the tone");
    }

    [Test]
    public void Render_IsSilentWhereNoNotePlays_AllowingTheReleaseTail()
    {
        var left = _first.Channels[0];
        var silent = new List<(int From, int To)> { (0, Notes[0].Start) };
        for (var i = 0; i < Notes.Length; i++)
        {
            var end = Notes[i].End + Release + 1;
            silent.Add((end, i + 1 < Notes.Length ? Notes[i + 1].Start : left.Length));
        }
        foreach (var (from, to) in silent)
        {
            Assert.That(left.AsSpan(from, to - from).ContainsAnyExcept(0f), Is.False, $"samples {from}..{to} are silent");
        }
    }

    [Test]
    public void TwoRenders_AreBitIdentical_ApartFromTheHeadersTimestamp()
    {
        Assert.That(_second.Data.SequenceEqual(_first.Data), Is.True, "audio data");
        var differing = Enumerable.Range(0, Math.Min(_first.DataOffset, _second.DataOffset))
            .Where(i => _first.File[i] != _second.File[i]).ToArray();
        Assert.That(differing, Is.SubsetOf(Enumerable.Range(60, 4)), "header bytes other than the timestamp");
    }

    [Test]
    public void SavedSession_HoldsAdaPluginsStateBlob()
    {
        var session = XDocument.Load(Path.Combine(_sessionFolder, SessionName + ".ardour"));
        var processor = session.Descendants("Processor")
            .Single(p => (string?)p.Attribute("unique-id") == AdaPluginRegistration.ClassId.ToString());
        var chunk = Convert.FromBase64String(processor.Descendants("chunk").Single().Value);
        // Ardour wraps component and controller state in its own chunk container; ours starts at our magic.
        var at = chunk.AsSpan().IndexOf("ADAS"u8);
        Assert.That(at, Is.GreaterThanOrEqualTo(0));
        Assert.That(AdaStateSerializer.TryParse(chunk.AsSpan(at), out var state, out var problem), Is.True, problem);
        Assert.That(state.PlainValues[(uint)AdaParameterId.OutputGain], Is.EqualTo(GainDb).Within(1e-4));
        Assert.That(state.PlainValues[(uint)AdaParameterId.VariationOffset], Is.EqualTo(VariationOffset));
        Assert.That(state.PresetName, Is.EqualTo(AdaParameters.NoPresets));
    }

    [Test]
    public void ReopenedSession_RestoresThePluginState()
    {
        var values = ParameterLine().Matches(_reopened).ToDictionary(m => m.Groups[1].Value,
            m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.That(values["Variation offset"], Is.EqualTo(VariationOffset));
        Assert.That(values["Output gain"], Is.EqualTo(GainDb).Within(1e-3));
        Assert.That(values["Root key"], Is.EqualTo(60), "untouched parameters keep their defaults");
        // Every load (two exports, the reopen) went through our setState with the saved blob.
        var restores = File.ReadAllLines(_ardour.LogFile).Count(l => l.Contains($"variation offset {VariationOffset}, gain -6 dB"));
        Assert.That(restores, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Export_RendersInOfflineBlocks()
    {
        // Measured: Ardour keeps setupProcessing at kRealtime for an export and marks each freewheeling block kOffline
        // in ProcessData; blocks around the switch (more on a loaded machine) and the idle engine's blocks while a
        // session loads are realtime.
        var runs = InactiveLine().Matches(File.ReadAllText(_ardour.LogFile))
            .Select(m => (Blocks: long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Offline: long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .Where(r => r.Offline > 0)
            .ToArray();
        Assert.That(runs, Has.Length.GreaterThanOrEqualTo(2), "a run with offline blocks per export");
        // Ardour's default 1024-frame blocks: the whole 4 s range was rendered in offline blocks.
        Assert.That(runs, Has.All.Matches<(long Blocks, long Offline)>(r => r.Offline * 1024 >= Seconds * Rate));
    }

    private static int FirstNonZero(float[] samples, int from)
    {
        for (var i = from; i < samples.Length; i++)
        {
            if (samples[i] != 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static double ZeroCrossingHz(float[] samples)
    {
        int first = -1, last = -1, count = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        return (count - 1) * (double)Rate / (last - first);
    }

    [GeneratedRegex(@"^ADA param (.+) (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ParameterLine();

    [GeneratedRegex(@"inactive after (\d+) blocks, (\d+) of them offline")]
    private static partial Regex InactiveLine();
}
