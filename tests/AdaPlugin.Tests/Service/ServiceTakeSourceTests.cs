using System.Diagnostics;
using Ada.Service.Tests.Support;
using AdaPlugin.Service;

namespace AdaPlugin.Tests.Service;

/// <summary>
/// The plug-in's service take source against a real in-process service with tiny random models: takes land on the
/// project timeline bit for bit (offline and after realtime seeks), keys map to variations, a dead service means
/// silence and a reconnect, and the audio-thread path allocates nothing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServiceTakeSourceTests
{
    private const int Block = 256;
    private const ulong Seed = 5;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly Ada.Service.Models.ResolvedPreset Tiny = TinyModels.Preset(seconds: 1);

    private static (ServiceTakeSource Source, SourceDriver Driver) Open(TestService service, AdaParameters? parameters = null, string preset = "tiny",
        FixedTakeContext? context = null)
    {
        var settings = new PluginSettings(service.Host.SocketPath, [], null, TimeSpan.FromSeconds(60));
        var source = new ServiceTakeSource(parameters ?? new AdaParameters([]), settings) { Context = context ?? new FixedTakeContext(preset, Seed) };
        source.Prepare(SourceDriver.Rate, Block);
        return (source, new SourceDriver(source, Block));
    }

    private static float[] Reference(int variation) => OfflineRender.Take(Tiny, Seed, variation, SourceDriver.Rate);

    /// <summary>
    /// Renders the take offline once so the service has it cached: the tiny model samples slower than real time in a
    /// Debug build, so a cold take would never catch up with a realtime playhead.
    /// </summary>
    private static void Warm(SourceDriver driver, int key) => driver.Render(key, 0, Reference(key).Length, offline: true);

    [Test]
    public void Offline_KeysPlayTheirVariationsBitForBit()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var (source, driver) = Open(service);
        try
        {
            var frames = Reference(60).Length + 1000; // past the end: silence
            var key60 = driver.Render(60, 0, frames, offline: true);
            var key62 = driver.Render(62, 0, frames, offline: true);

            Assert.That(OfflineRender.FirstMismatch(key60, Reference(60), 0), Is.EqualTo(-1), "key 60 = variation 60");
            Assert.That(OfflineRender.FirstMismatch(key62, Reference(62), 0), Is.EqualTo(-1), "key 62 = variation 62");
            Assert.That(key60.AsSpan().ContainsAnyExcept(0f), Is.True);
            Assert.That(key60, Is.Not.EqualTo(key62));
            Assert.That(source.OfflineTimeouts, Is.Zero);
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void Offline_StartingMidTake_MatchesTheTimelineAndASecondInstance()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var parameters = new AdaParameters([]);
        parameters.SetPlain(AdaParameterId.VariationOffset, 10);
        var (first, firstDriver) = Open(service, parameters);
        var (second, secondDriver) = Open(service, parameters);
        try
        {
            var a = firstDriver.Render(60, 12_000, 20_000, offline: true);
            var b = secondDriver.Render(60, 12_000, 20_000, offline: true);

            Assert.That(OfflineRender.FirstMismatch(a, Reference(70), 12_000), Is.EqualTo(-1), "key 60 + offset 10 = variation 70 at project sample 12000");
            Assert.That(b, Is.EqualTo(a));
        }
        finally
        {
            first.Release();
            second.Release();
        }
    }

    [Test]
    public void MoreKeysThanSlots_EachKeyPlaysItsTake_AndTheSlotsSettle()
    {
        using var service = new TestService(new TinyModelSource(TinyModels.Preset(seconds: 0.5)));
        var (source, driver) = Open(service);
        var reference = OfflineRender.Take(TinyModels.Preset(seconds: 0.5), Seed, 40, SourceDriver.Rate);
        try
        {
            var keys = ServiceTakeSource.SlotCount + 4;
            var position = 0L;
            for (var key = 40; key < 40 + keys; key++, position += 4 * Block)
            {
                var audio = driver.Render(key, position, 4 * Block, offline: true);
                Assert.That(audio.AsSpan().ContainsAnyExcept(0f), Is.True, $"key {key} sounds");
                if (key == 40)
                {
                    Assert.That(OfflineRender.FirstMismatch(audio, reference, position), Is.EqualTo(-1));
                }
            }
            var armed = source.ArmRequests;
            Assert.That(armed, Is.EqualTo(keys), "one ArmTake per key");
            for (var i = 0; i < 100; i++, position += Block)
            {
                driver.Block(position, Block, offline: false);
                Thread.Sleep(2);
            }
            Assert.That(source.ArmRequests, Is.EqualTo(armed), "wanted keys do not re-arm each other once the slots are full");
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void TemperatureParameter_ScalesThePresetsTemperatures()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var parameters = new AdaParameters([]);
        parameters.SetPlain(AdaParameterId.Temperature, 0.5);
        var (source, driver) = Open(service, parameters);
        try
        {
            var colder = OfflineRender.Take(TinyModels.Preset(seconds: 1, temperature: 0.5f), Seed, 60, SourceDriver.Rate);
            var audio = driver.Render(60, 0, colder.Length, offline: true);
            Assert.That(OfflineRender.FirstMismatch(audio, colder, 0), Is.EqualTo(-1), "temperature 0.5 × the preset's 1.0");
            Assert.That((uint)AdaParameterId.Temperature, Is.EqualTo((uint)Ada.Protocol.Messages.SessionParameter.Temperature));
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void KeysFromTheSavedState_AreArmedBeforeAnyNote()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var context = new FixedTakeContext("tiny", Seed) { PlayedKeys = UInt128.One << 60 | UInt128.One << 100 };
        var (source, driver) = Open(service, context: context);
        try
        {
            var clock = Stopwatch.StartNew();
            while (source.ArmRequests < 2 && clock.Elapsed < Limit)
            {
                driver.Block(0, Block, offline: false);
                Thread.Sleep(5);
            }
            Assert.That(source.ArmRequests, Is.EqualTo(2), "keys 60 and 100 armed with no note played");
            Assert.That(context.PlayedKeys, Is.EqualTo(UInt128.One << 60 | UInt128.One << 100));
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void PitchMode_TheRootKeyPlaysTheTakeAndOtherKeysTransposeIt()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var parameters = new AdaParameters([]);
        parameters.SetPlain(AdaParameterId.NoteMode, (double)NoteMode.Pitch);
        parameters.SetPlain(AdaParameterId.RootKey, 64);
        parameters.SetPlain(AdaParameterId.VariationOffset, 3);
        var (source, driver) = Open(service, parameters);
        try
        {
            var frames = Reference(3).Length;
            var root = driver.Render(64, 0, frames, offline: true);
            var fifth = driver.Render(71, 0, frames, offline: true);

            Assert.That(OfflineRender.FirstMismatch(root, Reference(3), 0), Is.EqualTo(-1), "the root key plays variation offset 3 untransposed");
            Assert.That(fifth.AsSpan().ContainsAnyExcept(0f), Is.True);
            Assert.That(OfflineRender.FirstMismatch(fifth, Reference(3), 0), Is.Not.EqualTo(-1), "key 71 plays it transposed");
            // Played 2^(7/12) times faster, the transposed take ends that much earlier.
            var end = LastNonZero(fifth) + 1;
            Assert.That(end, Is.EqualTo(frames / Math.Pow(2, 7 / 12.0)).Within(frames * 0.01));
        }
        finally
        {
            source.Release();
        }
    }

    private static int LastNonZero(float[] stereo)
    {
        for (var i = stereo.Length / 2 - 1; i >= 0; i--)
        {
            if (stereo[2 * i] != 0)
            {
                return i;
            }
        }
        return -1;
    }

    [Test]
    public void PrimerCapture_TakesContinueFromIt_Reproducibly()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var recorder = new PrimerRecorder(SourceDriver.Rate);
        var context = new FixedTakeContext("tiny", Seed) { Recorder = recorder };
        var (source, driver) = Open(service, context: context);
        try
        {
            var frames = Reference(60).Length;
            var tone = Enumerable.Range(0, SourceDriver.Rate / 2).Select(i => 0.3f * MathF.Sin(2 * MathF.PI * 220 * i / SourceDriver.Rate)).ToArray();
            recorder.Write(tone, tone);
            recorder.RequestCapture(SourceDriver.Rate / 4);
            var clock = Stopwatch.StartNew();
            while (context.Primer is null && clock.Elapsed < Limit)
            {
                Thread.Sleep(5);
            }
            Assert.That(context.Primer!.Frames, Is.EqualTo(SourceDriver.Rate / 4), "the last 0.25 s of side-chain audio");
            Assert.That(context.Primer.Interleaved[^2], Is.EqualTo(tone[^1]));

            var primed = driver.Render(60, 0, frames, offline: true);
            Assert.That(OfflineRender.FirstMismatch(primed, Reference(60), 0), Is.Not.EqualTo(-1), "a primed take differs from the unprimed one");

            var (again, againDriver) = Open(service, context: new FixedTakeContext("tiny", Seed) { Primer = context.Primer });
            try
            {
                Assert.That(againDriver.Render(60, 0, frames, offline: true), Is.EqualTo(primed), "a saved primer reproduces the take");
            }
            finally
            {
                again.Release();
            }
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void Realtime_AfterASeek_TheRingCatchesUpOnTheTimeline()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var (source, driver) = Open(service);
        try
        {
            Warm(driver, 64);
            driver.PlayUntilSounding(64, 0, Limit);
            var (landed, block) = driver.PlayUntilSounding(64, 30_000, Limit);

            Assert.That(OfflineRender.FirstMismatch(block, Reference(64), landed), Is.EqualTo(-1), $"block at {landed}");
            Assert.That(source.Status.Connected, Is.True);
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void Realtime_ReadingArmedRings_AllocatesNothing()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var (source, driver) = Open(service);
        var left = new float[Block];
        var right = new float[Block];
        try
        {
            Warm(driver, 60);
            Warm(driver, 61);
            var position = driver.PlayUntilSounding(60, 0, Limit).Position;
            position = driver.PlayUntilSounding(61, position, Limit).Position;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 2000; i++)
            {
                position += Block;
                driver.Block(position, Block, offline: false, noteOn: i % 100 == 0 ? 60 : -1);
                source.Read(60, position, left, right);
                source.Read(61, position, left, right);
                _ = source.Status;
            }
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, "bytes allocated by 2000 blocks");
        }
        finally
        {
            source.Release();
        }
    }

    [Test]
    public void ServiceDies_SilenceThenReconnectToANewService()
    {
        var dir = new TempDir();
        var service = new TestService(new TinyModelSource(Tiny), dir: dir);
        var (source, driver) = Open(service);
        try
        {
            Warm(driver, 60);
            var position = driver.PlayUntilSounding(60, 0, Limit).Position;
            service.Dispose();

            var clock = Stopwatch.StartNew();
            while (source.Status.Connected && clock.Elapsed < Limit)
            {
                position += Block;
                driver.Block(position, Block, offline: false);
                Thread.Sleep(5);
            }
            Assert.That(source.Status.Connected, Is.False, "the dead service was noticed");
            position += Block;
            Assert.That(driver.Render(60, position, Block, offline: false).AsSpan().ContainsAnyExcept(0f), Is.False, "silence while disconnected");

            service = new TestService(new TinyModelSource(Tiny), dir: dir); // same disk cache: the take is not rendered again
            (position, var block) = driver.PlayUntilSounding(60, position + Block, Limit);
            Assert.That(OfflineRender.FirstMismatch(block, Reference(60), position), Is.EqualTo(-1), $"the new service plays the same take (block at {position})");
        }
        finally
        {
            source.Release();
            service.Dispose();
            dir.Dispose();
        }
    }

    [Test]
    public void UnknownPreset_KeyIsRefusedAndStaysSilent()
    {
        using var service = new TestService(new TinyModelSource(Tiny));
        var logged = new List<string>();
        void Listen(string line)
        {
            lock (logged)
            {
                logged.Add(line);
            }
        }
        PluginLog.Logged += Listen;
        var (source, driver) = Open(service, preset: "no-such-preset");
        try
        {
            var clock = Stopwatch.StartNew();
            driver.Block(0, Block, offline: false, noteOn: 60);
            while (clock.Elapsed < Limit && !logged.ToArray().Any(l => l.Contains("refused key 60")))
            {
                Thread.Sleep(5);
            }
            Assert.That(logged.ToArray().Any(l => l.Contains("refused key 60") && l.Contains("no-such-preset")), Is.True, string.Join("\n", logged.ToArray()));
            Assert.That(driver.Render(60, Block, Block * 4, offline: false).AsSpan().ContainsAnyExcept(0f), Is.False);
            Assert.That(source.Status.Connected, Is.True);
        }
        finally
        {
            PluginLog.Logged -= Listen;
            source.Release();
        }
    }
}
