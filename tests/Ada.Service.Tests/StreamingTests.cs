using Ada.Protocol.Messages;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class StreamingTests
{
    private const int Rate = 44_100;

    [Test]
    public void ArmedTakeStreamsTheOfflineRenderAtItsProjectPositions()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        Assert.That(client.Hello.Device, Does.Match(@"^cpu \(Vector(128|256|512)\)$"));

        var (attached, ring) = client.Arm(takeId: 11, "tiny", seed: 7, variation: 0);
        Assert.That((attached.TakeId, attached.Channels, attached.SampleRate), Is.EqualTo((11UL, (ushort)2, (uint)Rate)));
        Assert.That(ring.TakeId, Is.EqualTo(11UL));
        client.Send(new TransportMessage(true, 120, 0, 0, 4, 4, Rate));
        client.Send(new StartMessage());

        var reference = OfflineRender.Take(TinyModels.Preset(), 7, 0, Rate);
        Assert.That(reference, Has.Length.EqualTo(Rate / 4), "0.25 s of audio at the host rate");
        var frames = RingFrames.Collect(ring, 0, reference.Length + 500);   // the take, then silence after its end
        Assert.That(OfflineRender.FirstMismatch(frames, reference, 0), Is.EqualTo(-1));
        Assert.That(reference.Count(x => x != reference[0]), Is.GreaterThan(reference.Length / 2), "the reference is not a constant");
    }

    [Test]
    public void TwoClientsArmingTheSameTakeGetIdenticalAudioAndItIsGeneratedOnce()
    {
        using var service = new TestService();
        using var first = service.Connect(Rate);
        using var second = service.Connect(Rate);
        var (_, ringA) = first.Arm(1, "tiny", 7, 3);
        var (_, ringB) = second.Arm(99, "tiny", 7, 3);

        var a = RingFrames.Collect(ringA, 0, Rate / 4);
        var b = RingFrames.Collect(ringB, 0, Rate / 4);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(OfflineRender.FirstMismatch(a, OfflineRender.Take(TinyModels.Preset(), 7, 3, Rate), 0), Is.EqualTo(-1));
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(TinyModels.Preset().LengthSamples), "one take, generated once");
    }

    [Test]
    public void DifferentVariationsDiffer()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (_, zero) = client.Arm(1, "tiny", 7, 0);
        var (_, one) = client.Arm(2, "tiny", 7, 1);
        var a = RingFrames.Collect(zero, 0, Rate / 4);
        var b = RingFrames.Collect(one, 0, Rate / 4);
        Assert.That(a.Zip(b).Count(p => p.First != p.Second), Is.GreaterThan(Rate / 4), "most samples differ");
        Assert.That(OfflineRender.FirstMismatch(b, OfflineRender.Take(TinyModels.Preset(), 7, 1, Rate), 0), Is.EqualTo(-1));
    }

    [Test]
    public void StatusReportsTheFilledRingAndNoUnderruns()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (attached, ring) = client.Arm(1, "tiny", 7, 0);
        int target = service.Options.TargetDepthFrames(Rate);
        SpinWait.SpinUntil(() => ring.AvailableFrames >= target, TestClient.Timeout);

        var status = client.Status();
        Assert.That(status.Connected, Is.True);
        Assert.That(status.Device, Is.EqualTo(client.Hello.Device));
        Assert.That(status.BufferDepthFrames, Is.EqualTo(target), "filled to the target depth, not beyond");
        Assert.That(status.BufferDepthFrames, Is.LessThan(attached.CapacityFrames));
        Assert.That(status.Underruns, Is.EqualTo(0UL));
        Assert.That(status.LastError, Is.Empty);

        ring.ReportUnderrun();
        Assert.That(client.Status().Underruns, Is.EqualTo(1UL), "underruns come from the ring header");
    }

    [Test]
    public void ATakeStartingBeforeTheSegmentPositionIsSilentUntilProjectSampleZero()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        client.Send(new SeekMessage(-300));
        var (_, ring) = client.Arm(1, "tiny", 7, 0);
        var frames = RingFrames.Collect(ring, -300, 2000);
        Assert.That(frames.Take(600), Is.All.EqualTo(0f));
        Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 7, 0, Rate), -300), Is.EqualTo(-1));
    }
}
