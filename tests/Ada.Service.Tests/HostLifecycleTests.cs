using System.Diagnostics;
using Ada.Inference.Kernels;
using Ada.Protocol.Rings;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class HostLifecycleTests
{
    private const int Rate = 44_100;

    [Test]
    public void TwoInstancesOnDifferentSocketsAndRingFoldersDoNotInterfere()
    {
        using var first = new TestService();
        using var second = new TestService();
        using var a = first.Connect(Rate);
        using var b = second.Connect(Rate);
        var (ringA, readerA) = a.Arm(1, "tiny", 4, 0);
        var (ringB, readerB) = b.Arm(1, "tiny", 4, 0);
        Assert.That(Path.GetDirectoryName(ringA.RingPath), Is.EqualTo(first.Options.RingDirectory));
        Assert.That(Path.GetDirectoryName(ringB.RingPath), Is.EqualTo(second.Options.RingDirectory));

        var reference = OfflineRender.Take(TinyModels.Preset(), 4, 0, Rate);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(readerA, 0, reference.Length), reference, 0), Is.EqualTo(-1));
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(readerB, 0, reference.Length), reference, 0), Is.EqualTo(-1));
        Assert.That(first.Metrics.GeneratedSamples, Is.EqualTo(TinyModels.Preset().LengthSamples), "each instance renders its own");
        Assert.That(second.Metrics.GeneratedSamples, Is.EqualTo(TinyModels.Preset().LengthSamples));
    }

    [Test]
    public void ASecondInstanceOnTheSameSocketRefusesToStartAndTheFirstKeepsServing()
    {
        using var first = new TestService();
        using var dir = new TempDir();
        var clash = first.Options with { RingDirectory = dir.Sub("rings"), CacheFolder = dir.Sub("cache") };
        var refused = Assert.Throws<IOException>(() => ServiceHost.Start(clash, TinyModelSource.Default()));
        Assert.That(refused!.Message, Does.Contain("another service"));

        Assert.That(File.Exists(first.Host.SocketPath), Is.True, "the refused instance left the live socket alone");
        using var client = first.Connect(Rate);
        Assert.That(client.Status().Device, Is.EqualTo($"cpu ({KernelPaths.Best})"));
    }

    [Test]
    public void TheServiceStopsAfterTheIdleTimeoutButNotWhileAClientIsAttached()
    {
        using var service = new TestService(configure: o => o with { IdleShutdown = TimeSpan.FromMilliseconds(300) });
        var client = service.Connect(Rate);
        var (attached, _) = client.Arm(1, "tiny", 1, 0);
        Thread.Sleep(900);
        Assert.That(service.Host.Completion.IsCompleted, Is.False, "a client is attached");

        client.Dispose();
        Assert.That(service.Host.Completion.Wait(TestClient.Timeout), Is.True, "stopped once idle");
        Assert.That(service.Host.Completion.Result, Is.EqualTo(ServiceExitReason.Idle));
        Assert.That(File.Exists(service.Host.SocketPath), Is.False, "the socket file is removed");
        Assert.That(File.Exists(attached.RingPath), Is.False);
    }

    [Test]
    public void StopReleasesEveryRingAndTheSocket()
    {
        var service = new TestService();
        using var client = service.Connect(Rate);
        var (attached, _) = client.Arm(1, "tiny", 1, 0);
        service.Host.Stop();
        Assert.That(service.Host.Completion.Wait(TestClient.Timeout), Is.True);
        Assert.That(service.Host.Completion.Result, Is.EqualTo(ServiceExitReason.Stopped));
        Assert.That(File.Exists(attached.RingPath), Is.False);
        Assert.That(File.Exists(service.Host.SocketPath), Is.False);
        service.Dispose();
    }

    [Test]
    public void StartRemovesRingFilesOfDeadServicesOnly()
    {
        using var dir = new TempDir();
        var rings = dir.Sub("rings");
        Directory.CreateDirectory(rings);
        int dead = DeadProcessId();
        string stale = Path.Combine(rings, $"ada-svc{dead}-c1-00112233.ring");
        File.WriteAllBytes(stale, new byte[600]);                               // unreadable: the pid comes from the name
        string staleTemp = Path.Combine(rings, $"ada-svc{dead}-c2-44556677.ring.tmp");
        File.WriteAllBytes(staleTemp, new byte[10]);
        string foreign = Path.Combine(rings, "ada-plugin-1.ring");              // not a service ring
        File.WriteAllBytes(foreign, new byte[10]);
        using var live = RingWriter.Create(new RingOptions($"svc{Environment.ProcessId}-c9", 2, Rate, 64) { Directory = rings });

        using var service = new TestService(dir: dir);
        Assert.That(File.Exists(stale) || File.Exists(staleTemp), Is.False, "dead services' rings are removed");
        Assert.That(File.Exists(foreign) && File.Exists(live.Path), Is.True, "live and foreign rings stay");
        Assert.That(service.Metrics.StaleRingsRemoved, Is.EqualTo(2));
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
