using Ada.Protocol.Messages;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class SeekTests
{
    private const int Rate = 48_000;

    [Test]
    public void SeekingBackRestartsTheRingAtTheNewPositionFromTheCache()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (_, ring) = client.Arm(1, "tiny", 5, 2);
        client.Send(new StartMessage());
        var reference = OfflineRender.Take(TinyModels.Preset(), 5, 2, Rate);
        var firstPass = RingFrames.Collect(ring, 0, reference.Length);      // needs the whole take generated
        Assert.That(OfflineRender.FirstMismatch(firstPass, reference, 0), Is.EqualTo(-1));
        long generated = service.Metrics.GeneratedSamples;
        Assert.That(generated, Is.EqualTo(TinyModels.Preset().LengthSamples));

        ulong generation = ring.Segment.Generation;
        client.Send(new SeekMessage(1234));
        var secondPass = RingFrames.Collect(ring, 1234, 5000, minGeneration: generation + 1);
        Assert.That(ring.Segment.Generation, Is.EqualTo(generation + 1));
        Assert.That(ring.Segment.ProjectPosition, Is.EqualTo(1234L));
        Assert.That(OfflineRender.FirstMismatch(secondPass, reference, 1234), Is.EqualTo(-1));
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(generated), "the second pass is read from the cache");
    }

    [Test]
    public void SeekingForwardBeforeTheTakeIsRenderedStreamsTheRightSamples()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        client.Send(new SeekMessage(9_000));   // before arming: the first segment starts there
        var (_, ring) = client.Arm(1, "tiny", 5, 4);
        var frames = RingFrames.Collect(ring, 9_000, 3_000);
        Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 5, 4, Rate), 9_000), Is.EqualTo(-1));
    }

    [Test]
    public void AStoppedTransportMovingItsCursorIsASeek()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (_, ring) = client.Arm(1, "tiny", 5, 2);
        RingFrames.Collect(ring, 0, 100);
        client.Send(new TransportMessage(false, 120, 4_321, 0, 4, 4, Rate));
        var frames = RingFrames.Collect(ring, 4_321, 1_000, minGeneration: 2);
        Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 5, 2, Rate), 4_321), Is.EqualTo(-1));
    }
}
