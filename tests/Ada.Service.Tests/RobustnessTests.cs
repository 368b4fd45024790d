using Ada.Protocol.Messages;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class RobustnessTests
{
    private const int Rate = 44_100;

    [Test]
    public void AThousandMalformedFramesAreEachAnsweredWithAnErrorOrACloseAndTheServiceStillServes()
    {
        using var service = new TestService();
        var rng = new Random(20_240_601);
        var counts = new Dictionary<Malformation, int>();
        RawConnection? raw = null;
        try
        {
            for (int i = 0; i < 1000; i++)
            {
                raw ??= RawConnection.Hello(service.Host.SocketPath);
                uint id = (uint)(100 + i);
                var (bytes, kind) = MalformedFrames.Next(rng, id);
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                raw.Send(bytes);
                if (kind == Malformation.Truncated) raw.ShutdownSend();
                var reply = raw.ReadFrame();
                if (kind == Malformation.Payload)
                {
                    Assert.That(reply?.Type, Is.EqualTo(Ada.Protocol.MessageType.Error), $"frame {i}: {Convert.ToHexString(bytes)}");
                    Assert.That(reply!.Value.RequestId, Is.EqualTo(id));
                    Assert.That(reply.Value.TryDecode(out ErrorMessage error, out _) && error.Code == ErrorCode.BadRequest, Is.True);
                    continue;
                }
                if (kind == Malformation.Header) Assert.That(reply?.Type, Is.EqualTo(Ada.Protocol.MessageType.Error), $"frame {i}");
                Assert.That(kind == Malformation.Header ? raw.ReadFrame() : reply, Is.Null, $"frame {i}: the connection is closed");
                raw.Dispose();
                raw = null;
            }
        }
        finally
        {
            raw?.Dispose();
        }
        Assert.That(counts.Values, Has.All.GreaterThan(100), string.Join(", ", counts));

        using var client = service.Connect(Rate);
        var frames = RingFrames.Collect(client.Arm(1, "tiny", 2, 0).Ring, 0, 3000);
        Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 2, 0, Rate), 0), Is.EqualTo(-1));
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.ConnectedClients == 1, TestClient.Timeout), Is.True, "the broken connections are gone");
    }

    [Test]
    public void AClientKilledMidStreamLosesItsRingsAndGenerationWhileAnotherKeepsStreaming()
    {
        var longPreset = TinyModels.Preset("long", seconds: 600);
        using var service = new TestService(new TinyModelSource(TinyModels.Preset(), longPreset));
        using var survivor = service.Connect(Rate);
        var victim = service.Connect(Rate);
        var (attached, victimRing) = victim.Arm(1, "long", 1, 0);
        victim.Expect<StatusMessage>(victim.Send(new LoadPresetMessage(1, "long", Ada.Protocol.ContentHash.None)));
        victim.Send(new MidiEventMessage(0, 60, 1, true, 0));       // pre-renders variation 60 of "long"
        var (_, ring) = survivor.Arm(1, "tiny", 1, 5);
        RingFrames.Collect(victimRing, 0, 500);
        var reference = OfflineRender.Take(TinyModels.Preset(), 1, 5, Rate);
        var head = RingFrames.Collect(ring, 0, 500);

        victim.Kill();
        Assert.That(SpinWait.SpinUntil(() => !File.Exists(attached.RingPath), TestClient.Timeout), Is.True, "the dead client's ring file is removed");
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.ActiveRings == 1 && service.Metrics.ConnectedClients == 1, TestClient.Timeout), Is.True);
        victimRing.Dispose();

        var tail = RingFrames.Collect(ring, 500, reference.Length - 500);
        Assert.That(OfflineRender.FirstMismatch(head.Concat(tail).ToArray(), reference, 0), Is.EqualTo(-1));
        Assert.That(SpinWait.SpinUntil(() => service.Host.Context.Scheduler.JobCount == 0, TestClient.Timeout), Is.True,
            "the 600 s take of the dead client is no longer generated");
        long generated = service.Metrics.GeneratedSamples;
        Assert.That(generated, Is.LessThan(longPreset.LengthSamples / 2));
        Thread.Sleep(200);
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(generated));
    }

    [Test]
    public void AReaderThatWritesGarbageIntoItsRingHeaderOnlyStallsItsOwnRing()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (broken, _) = client.Arm(1, "tiny", 1, 0);
        var (_, ring) = client.Arm(2, "tiny", 1, 1);
        using (var file = File.OpenHandle(broken.RingPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            RandomAccess.Write(file, BitConverter.GetBytes(ulong.MaxValue / 3), fileOffset: 128);   // the consumer's read index (README, line 2)

        var frames = RingFrames.Collect(ring, 0, 5000);
        Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 1, 1, Rate), 0), Is.EqualTo(-1));
        Assert.That(client.Status().BufferDepthFrames, Is.EqualTo(0), "the broken ring counts as empty");
        Assert.That(service.Metrics.ActiveRings, Is.EqualTo(2));
        Assert.That(service.Log, Has.None.Contains("feeding failed"));
    }

    [Test]
    public void AClientThatStopsHeartbeatingIsDroppedAndAHeartbeatingOneIsNot()
    {
        using var service = new TestService(configure: o => o with { ClientTimeout = TimeSpan.FromMilliseconds(1200) });
        using var silent = service.Connect(Rate);
        using var alive = service.Connect(Rate);
        var (silentRing, _) = silent.Arm(1, "tiny", 1, 0);
        var (aliveRing, _) = alive.Arm(1, "tiny", 1, 1);
        for (int i = 0; i < 35; i++)
        {
            alive.Send(new HeartbeatMessage((ulong)i));
            Thread.Sleep(100);
        }
        Assert.That(File.Exists(silentRing.RingPath), Is.False, "the silent client's ring is gone");
        Assert.That(File.Exists(aliveRing.RingPath), Is.True);
        Assert.That(service.Metrics.ClientsTimedOut, Is.EqualTo(1));
        Assert.That(alive.Status().Connected, Is.True);
    }
}
