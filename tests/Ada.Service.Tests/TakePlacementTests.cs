using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Service.Takes;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>Protocol 2's take start and transposition: how a take is streamed, never which take it is.</summary>
[TestFixture]
public class TakePlacementTests
{
    private const int Rate = 48_000;

    [Test]
    public void ATakeStartPlaysSilenceBeforeItAndIsTheSameTakeShifted()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var reference = OfflineRender.Take(TinyModels.Preset(), 6, 3, Rate);
        var (_, late) = client.Arm(1, "tiny", 6, 3, start: 3_000);
        var frames = RingFrames.Collect(late, 0, 3_000 + reference.Length);
        Assert.That(frames.Take(2 * 3_000), Is.All.EqualTo(0f), "silence before the start");
        Assert.That(OfflineRender.FirstMismatch(frames.AsSpan(2 * 3_000), reference, 0), Is.EqualTo(-1), "then the take from its sample 0");

        var (_, early) = client.Arm(2, "tiny", 6, 3, start: -1_000);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(early, 0, 2_000), reference, 1_000), Is.EqualTo(-1), "a negative start is a take begun earlier");
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(TinyModels.Preset().LengthSamples), "one take, generated once");
    }

    [Test]
    public void AVersion1ClientsTakesStartAtZeroUntransposed()
    {
        using var service = new TestService();
        using var client = TestClient.Connect(service.Host.SocketPath, Rate, maxVersion: 1);
        Assert.That((client.Hello.Version, client.Socket.Version), Is.EqualTo(((ushort)1, (ushort)1)));
        var (_, ring) = client.Arm(1, "tiny", 6, 4);
        var reference = OfflineRender.Take(TinyModels.Preset(), 6, 4, Rate);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(ring, 0, reference.Length), reference, 0), Is.EqualTo(-1));
    }

    [TestCase(0.0)]
    [TestCase(-0.0)]
    public void TransposeZeroIsTheUntransposedStreamBitForBit(double zero)
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (_, ring) = client.Arm(1, "tiny", 6, 5, start: 500, transpose: zero);
        var reference = OfflineRender.Take(TinyModels.Preset(), 6, 5, Rate);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(ring, 0, 500 + reference.Length), reference, -500), Is.EqualTo(-1),
            "silence, then the whole-take resampled reference from project sample 500");
    }

    [TestCase(7.0)]
    [TestCase(-5.0)]
    [TestCase(12.0)]
    public void ATransposedSineTakePeaksAtTheTransposedFrequency(double semitones)
    {
        const double Hz = 1_000;
        var preset = TinyModels.Preset("sine", seconds: 1);
        using var dir = new TempDir();
        TestTakes.SeedDisk(dir.Sub("cache"), new TakeSpec(preset, 1, 0, ContentHash.None), TestTakes.Sine(preset.LengthSamples, Hz), 1000);
        using var service = new TestService(new TinyModelSource(preset), dir: dir);
        using var client = service.Connect(Rate);
        var (_, ring) = client.Arm(1, "sine", 1, 0, start: 2_000, transpose: semitones);

        var frames = RingFrames.Collect(ring, 0, 2_000 + 8_192 + 4_000);
        Assert.That(frames.Take(2 * 2_000), Is.All.EqualTo(0f), "silence before the start");
        var left = Enumerable.Range(0, 8_192).Select(i => frames[2 * (2_000 + 2_000 + i)]).ToArray();   // inside the take, away from its edges
        double expected = Hz * Math.Pow(2, semitones / 12);
        double peak = Spectrum.PeakFrequency(left, Rate);
        TestContext.Out.WriteLine($"{semitones:+0;-0} semitones: peak at {peak:F2} Hz, expected {expected:F2} Hz");
        Assert.That(peak, Is.EqualTo(expected).Within(0.5));
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(0), "played from the seeded disk cache");
    }

    [Test]
    public void SeekingATransposedRingGivesTheSamplesOfStraightPlayback()
    {
        using var service = new TestService();
        using var client = service.Connect(44_100);
        var (_, ring) = client.Arm(1, "tiny", 2, 8, start: 300, transpose: -3.5);
        var straight = RingFrames.Collect(ring, 0, 12_000);
        Assert.That(straight.Skip(2 * 300).Take(2 * 5_000).Max(Math.Abs), Is.GreaterThan(0.001f), "the transposed take is not silence");

        ulong generation = ring.Segment.Generation;
        client.Send(new SeekMessage(1_234));
        var seeked = RingFrames.Collect(ring, 1_234, 6_000, minGeneration: generation + 1);
        Assert.That(seeked, Is.EqualTo(straight.Skip(2 * 1_234).Take(2 * 6_000)));
    }

    [Test]
    public void ReArmingATakeIdWithAnotherPlacementReplacesItsRingButReusesTheTake()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (first, ring) = client.Arm(1, "tiny", 6, 6, transpose: 2);
        RingFrames.Collect(ring, 0, 100);
        Assert.That(client.Arm(1, "tiny", 6, 6, transpose: 2).Attached.RingPath, Is.EqualTo(first.RingPath), "same placement: same ring");
        var (moved, _) = client.Arm(1, "tiny", 6, 6, start: 10, transpose: 2);
        var (pitched, _) = client.Arm(1, "tiny", 6, 6, start: 10, transpose: 3);
        Assert.That(new[] { first.RingPath, moved.RingPath, pitched.RingPath }, Is.Unique);
        Assert.That(service.Metrics.ActiveRings, Is.EqualTo(1));
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.TakesCompleted == 1, TestClient.Timeout), Is.True);
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(TinyModels.Preset().LengthSamples), "the take is generated once");
    }
}
