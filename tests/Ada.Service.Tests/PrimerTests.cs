using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Service.Models;
using Ada.Service.Sessions;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>
/// Takes continuing from a primer: the service encodes the received primer through the model source (here the tiny
/// stand-in encoder; the real encoders are tested in Ada.Service.Models.Tests) and primes the sampler with the codes.
/// </summary>
[TestFixture]
public class PrimerTests
{
    private const int Rate = 44_100;

    /// <summary>Stereo, at the host rate, the channels different (the service averages them).</summary>
    private static float[] StereoPrimer(int frames) =>
        Enumerable.Range(0, frames * 2).Select(i => (float)(0.4 * Math.Sin(i / 2 * 0.031) + (i % 2 == 0 ? 0.2 : -0.1) * Math.Sin(i / 2 * 0.007))).ToArray();

    [Test]
    public void TakesArmedWithAPrimerContinueFromItsCodesInOneBatchAndDifferFromTheUnprimedTake()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var audio = StereoPrimer(20_000);   // 3 chunks
        var primer = client.SendPrimer(audio, 2, Rate);
        var (_, first) = client.Arm(1, "tiny", 4, 1, primer);
        var (_, second) = client.Arm(2, "tiny", 4, 2, primer);

        var codes = TinyModelSource.Encode(TinyModels.Preset(), new StoredPrimer(primer, audio, 2, Rate).MonoAtModelRate());
        foreach (var (ring, variation) in new[] { (first, 1), (second, 2) })
        {
            var primed = OfflineRender.Take(TinyModels.Preset(), 4, variation, Rate, codes);
            var frames = RingFrames.Collect(ring, 0, primed.Length);
            Assert.That(OfflineRender.FirstMismatch(frames, primed, 0), Is.EqualTo(-1), $"variation {variation} continues the primer");
            Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 4, variation, Rate), 0), Is.Not.EqualTo(-1),
                "the unprimed take is other audio");
        }
    }

    [Test]
    public void APrimedTakeIsBitIdenticalFromTwoServiceInstances()
    {
        var audio = StereoPrimer(3_000);
        float[] Play()
        {
            using var service = new TestService();
            using var client = service.Connect(48_000);
            var (_, ring) = client.Arm(7, "tiny", 9, 0, client.SendPrimer(audio, 2, 48_000));
            return RingFrames.Collect(ring, 0, 12_000);
        }
        var once = Play();
        Assert.That(once.Max(Math.Abs), Is.GreaterThan(0.001f), "not silence");
        Assert.That(Play(), Is.EqualTo(once));
    }

    [Test]
    public void PrimerProblemsAreRefusedNamingThem()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var chunks = PrimerChunker.Split(StereoPrimer(20_000), 2, Rate);
        var missing = client.ExpectError(client.Send(new ArmTakeMessage(1, "tiny", 1, 0, chunks[0].PrimerHash)));
        Assert.That((missing.Code, missing.Message), Is.EqualTo((ErrorCode.PrimerMissing,
            $"ArmTake: primer {chunks[0].PrimerHash} was not received (send its PrimerChunks first)")));
        Assert.That(client.ExpectError(client.Send(chunks[1])).Message, Does.Contain("expected 0"), "a primer starts at frame 0");

        var tiny = client.SendPrimer([0.1f, 0.2f, 0.3f], 1, 16_000);   // shorter than one top-level frame (8 samples)
        var tooShort = client.ExpectError(client.Send(new ArmTakeMessage(1, "tiny", 1, 0, tiny)));
        Assert.That(tooShort.Code, Is.EqualTo(ErrorCode.BadRequest));
        Assert.That(tooShort.Message, Does.Contain($"primer {tiny}").And.Contain("shorter than one top-level frame"));
        Assert.That(service.Metrics.ActiveRings, Is.EqualTo(0));
    }

    [Test]
    public void EncodingRunsOffTheClientThreadAndAnEncoderFailureFailsOnlyThatTake()
    {
        using var service = new TestService(new BrokenEncoder());
        using var client = service.Connect(Rate);
        var primer = client.SendPrimer(StereoPrimer(2_000), 2, Rate);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, ring) = client.Arm(1, "tiny", 1, 0, primer);
        Assert.That(clock.Elapsed, Is.LessThan(BrokenEncoder.Delay), "ArmTake is answered before the encoder finishes");

        Assert.That(SpinWait.SpinUntil(() => client.Status().LastError.Contains("encoder out of order"), TestClient.Timeout), Is.True);
        Assert.That(ring.AvailableFrames, Is.EqualTo(0), "the failed take's ring gets no audio (the reader plays silence)");
        var (_, plain) = client.Arm(2, "tiny", 1, 0);
        var reference = OfflineRender.Take(TinyModels.Preset(), 1, 0, Rate);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(plain, 0, reference.Length), reference, 0), Is.EqualTo(-1), "other takes are served");
    }

    /// <summary>The tiny presets, with an encoder that takes a while and then fails.</summary>
    private sealed class BrokenEncoder : ITakeModelSource
    {
        public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
        private readonly TinyModelSource _tiny = TinyModelSource.Default();

        public string Device => _tiny.Device;

        public ResolvedPreset Resolve(string preset) => _tiny.Resolve(preset);

        public IReadOnlyList<int[]> EncodePrimer(ResolvedPreset preset, float[] audio16k)
        {
            Thread.Sleep(Delay);
            throw new ModelSourceException(ErrorCode.BadRequest, "encoder out of order");
        }
    }
}
