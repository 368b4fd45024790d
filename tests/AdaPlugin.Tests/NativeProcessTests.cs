using Ada.Vst3.Interop;
using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>process() of the native plug-in: silence without a service, the test tone, and hostile calls.</summary>
[TestFixture]
public sealed unsafe class NativeProcessTests
{
    private const double Rate = 48000;
    private const int Release = (int)(VoiceBank.ReleaseSeconds * Rate);
    private const int Attack = (int)(VoiceBank.AttackSeconds * Rate);

    // Starts off the sine's zero crossings, so the first sample of each note is audibly non-zero.
    private static readonly NoteSpec[] TwoNotes = [new(4_801, 9_600, 69, 1.0f), new(24_013, 4_800, 81, 0.5f)];

    [Test]
    public void SilentSource_OutputsExactSilenceEvenWhileNotesPlay()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Start(Rate, 480);
        var (left, right) = BlockRenderer.Render(plugin, 33_600, 480, TwoNotes);
        Assert.That(left.Concat(right).All(s => s == 0f), Is.True);
    }

    [Test]
    public void TestTone_IsTheKeysSineWhileANoteHolds_AndSilentElsewhere()
    {
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Start(Rate, 480);
        var (left, right) = BlockRenderer.Render(plugin, 33_600, 480, TwoNotes);
        Assert.That(right, Is.EqualTo(left), "the test tone is the same on both channels");

        foreach (var note in TwoNotes)
        {
            var frequency = 440.0 * Math.Pow(2, (note.Key - 69) / 12.0);
            var peak = TestToneTakeSource.Amplitude * note.Velocity;
            Assert.That(left[note.Start - 1], Is.EqualTo(0f), $"silent just before key {note.Key}");
            // The envelope's first step (1 / attack samples) is applied on the note-on sample itself.
            Assert.That(left[note.Start], Is.Not.EqualTo(0f).And.EqualTo(peak / Attack * SineAt(note.Start, frequency)).Within(1e-7),
                "sound starts at the note-on sample");
            for (var t = note.Start + Attack + 1; t < note.End; t++)
            {
                // After the attack the output is exactly peak × sin(2π f t / rate) with t the project sample.
                Assert.That(left[t], Is.EqualTo(peak * SineAt(t, frequency)).Within(1e-5), $"sample {t} of key {note.Key}");
            }
            Assert.That(MaxAbs(left, note.End + Release + 1, note.End + Release + 2_000), Is.EqualTo(0f), "silent once released");
            Assert.That(MaxAbs(left, note.End, note.End + Release), Is.GreaterThan(0f).And.LessThanOrEqualTo(peak), "release tail");
        }
        Assert.That(MaxAbs(left, 0, TwoNotes[0].Start), Is.EqualTo(0f));
        Assert.That(ZeroCrossingHz(left, TwoNotes[0].Start + Attack, TwoNotes[0].End), Is.EqualTo(440).Within(1.0));
        Assert.That(ZeroCrossingHz(left, TwoNotes[1].Start + Attack, TwoNotes[1].End), Is.EqualTo(880).Within(2.0));
    }

    [Test]
    public void TestTone_OutputGainParameterChange_ScalesTheLevel()
    {
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Start(Rate, 480);
        NoteSpec[] note = [new(960, 9_600, 69, 1.0f)];
        var (left, _) = BlockRenderer.Render(plugin, 12_000, 480, note,
            (start, changes) => changes.Set(AdaParameterId.OutputGain, 0.75)); // -6 dB
        var expectedPeak = TestToneTakeSource.Amplitude * Math.Pow(10, -6.0 / 20);
        Assert.That(MaxAbs(left, 2_000, 10_000), Is.EqualTo(expectedPeak).Within(1e-3));
        Assert.That(plugin.GetNormalized(AdaParameterId.OutputGain), Is.EqualTo(0.75), "the controller sees the automated value");
    }

    [TestCase(44100, 1)]
    [TestCase(44100, 4096)]
    [TestCase(96000, 64)]
    public void TestTone_RenderIsTheSameWhateverTheBlockSize(double rate, int block)
    {
        NoteSpec[] notes = [new(1_001, 20_000, 60, 0.8f), new(5_003, 3_000, 67, 1.0f), new(12_007, 10_000, 72, 0.3f)];
        using var reference = new PluginInstance(NativePlugin.Tone);
        reference.Start(rate, 512);
        var expected = BlockRenderer.Render(reference, 30_000, 512, notes);
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Start(rate, block);
        var actual = BlockRenderer.Render(plugin, 30_000, block, notes);
        Assert.That(actual.Left, Is.EqualTo(expected.Left));
        Assert.That(actual.Left.Any(s => s != 0), Is.True);
    }

    [Test]
    public void Process_BeforeSetActive_IsNotInitialized()
    {
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Initialize();
        plugin.Setup(Rate, 256);
        using var buffers = new ProcessBuffers(256);
        buffers.Prepare(256, 0);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.NotInitialized));
        Assert.That(plugin.SetProcessing(true), Is.EqualTo(TResult.NotInitialized));
        Assert.That(plugin.Process(null), Is.EqualTo(TResult.InvalidArgument));
    }

    [Test]
    public void Process_AcceptsEmptyBlocksNullBusesAndNullChannels_AndNeverWritesInputs()
    {
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Start(Rate, 256);
        using var buffers = new ProcessBuffers(256);
        using var events = new HostEventList();
        events.NoteOn(0, 69, 1f);

        buffers.Prepare(0, 0, events);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok), "numSamples 0 (a parameter flush)");

        buffers.Prepare(256, 0, events);
        buffers.Data->Outputs = null;
        buffers.Data->Inputs = null;
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok), "null bus arrays");

        buffers.Prepare(256, 256, null);
        buffers.Data->NumOutputs = 0;
        buffers.Data->NumInputs = 0;
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok), "zero buses");

        buffers.Prepare(256, 512, null);
        buffers.Output->ChannelBuffers32 = null;
        buffers.Input->ChannelBuffers32 = null;
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok), "null channel arrays");

        buffers.Prepare(256, 768, null);
        var savedLeft = buffers.OutputChannels[0];
        buffers.OutputChannels[0] = null;
        buffers.InputChannels[1] = null;
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok), "null channel pointers");
        Assert.That(buffers.Right[..256].ToArray().Any(s => s != 0), Is.True, "the remaining channel still plays");
        buffers.OutputChannels[0] = savedLeft;

        buffers.Prepare(256, 1024, null);
        var pattern = Enumerable.Range(0, 256).Select(i => (float)Math.Sin(i)).ToArray();
        pattern.CopyTo(buffers.InputLeft);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok));
        Assert.That(buffers.InputLeft[..256].ToArray(), Is.EqualTo(pattern), "input buffers are read-only");
    }

    [Test]
    public void Process_RefusesBlocksLargerThanSetUpAnd64BitSamples()
    {
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Start(Rate, 128);
        using var buffers = new ProcessBuffers(256);
        buffers.Prepare(129, 0);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.InvalidArgument));
        buffers.Prepare(128, 0);
        buffers.Data->SymbolicSampleSize = SymbolicSampleSize.Sample64;
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.InvalidArgument));
        buffers.Prepare(-1, 0);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.InvalidArgument));
    }

    [Test]
    public void Process_WithoutProcessContext_CountsSamplesFromSetProcessing()
    {
        using var plugin = new PluginInstance(NativePlugin.Tone);
        plugin.Start(Rate, 480);
        using var buffers = new ProcessBuffers(480);
        using var events = new HostEventList();
        var left = new float[4_800];
        for (var start = 0; start < left.Length; start += 480)
        {
            events.Clear();
            if (start == 0)
            {
                events.NoteOn(0, 69, 1f);
            }
            buffers.Prepare(480, null, events);
            Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok));
            buffers.Left[..480].CopyTo(left.AsSpan(start));
        }
        for (var t = Attack + 1; t < left.Length; t += 97)
        {
            Assert.That(left[t], Is.EqualTo(TestToneTakeSource.Amplitude * SineAt(t, 440)).Within(1e-5));
        }
    }

    [Test]
    public void StatusParameters_AreReportedOnTheOutputChangesOnce()
    {
        using var plugin = new PluginInstance(NativePlugin.Silent);
        plugin.Start(Rate, 256);
        using var buffers = new ProcessBuffers(256);
        using var output = new HostParameterChanges();
        buffers.Prepare(256, 0, output: output);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok));
        var reported = output.Queues.ToDictionary(q => (AdaParameterId)q.GetParameterId(), q => q.Points.Single().Value);
        Assert.That(reported, Is.EqualTo(new Dictionary<AdaParameterId, double>
        {
            [AdaParameterId.ServiceConnected] = 0, [AdaParameterId.BufferDepth] = 0, [AdaParameterId.Underruns] = 0,
            [AdaParameterId.ModelChanged] = 0,
        }));
        output.Clear();
        buffers.Prepare(256, 256, output: output);
        Assert.That(plugin.Process(buffers.Data), Is.EqualTo(TResult.Ok));
        Assert.That(output.Queues, Is.Empty, "unchanged values are not repeated");
    }

    private static double SineAt(long t, double frequency)
    {
        var cycles = t * frequency / Rate;
        return Math.Sin(2 * Math.PI * (cycles - Math.Floor(cycles)));
    }

    private static float MaxAbs(float[] samples, int from, int to) =>
        samples.AsSpan(from, Math.Min(to, samples.Length) - from).ToArray().Select(Math.Abs).DefaultIfEmpty(0f).Max();

    private static double ZeroCrossingHz(float[] samples, int from, int to)
    {
        var crossings = new List<int>();
        for (var i = from + 1; i < to; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                crossings.Add(i);
            }
        }
        return (crossings.Count - 1) * Rate / (crossings[^1] - crossings[0]);
    }
}
