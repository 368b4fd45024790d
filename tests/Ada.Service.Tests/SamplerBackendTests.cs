using Ada.Inference;
using Ada.Inference.Kernels;
using Ada.Protocol;
using Ada.Service.Takes;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

/// <summary>
/// The sampler behind a preset's levels as the service sees it: its backend names the take (CPU ids unchanged), and every
/// stream a render job creates is disposed (a device sampler's queues are device memory).
/// </summary>
[TestFixture]
public class SamplerBackendTests
{
    private const int Rate = 44_100;

    [Test]
    public void TheSamplerBackendIsInTheTakeIdUnderTheOldKernelField()
    {
        var cpu = new TakeSpec(TinyModels.Preset(), 1, 0, ContentHash.None);
        Assert.That(cpu.Sampler, Is.EqualTo(KernelPaths.Best.ToString()));
        Assert.That(cpu.BatchKey, Does.EndWith($"\nkernel={KernelPaths.Best}"), "the text CPU take ids (and disk caches) were made of");

        var device = new TakeSpec(TinyModels.Preset() with { Levels = Counting(backend: "torch:cuda:0") }, 1, 0, ContentHash.None);
        Assert.That(device.BatchKey, Does.EndWith("\nkernel=torch:cuda:0"));
        Assert.That(device.Key, Is.Not.EqualTo(cpu.Key), "another sampler never shares a cache entry");
    }

    [Test]
    public void LevelsOfDifferentBackendsAreAPresetProblem()
    {
        var mixed = TinyModels.Preset() with { Levels = [TinyModels.Levels[0], Counting(backend: "torch:cpu")[1]] };
        Assert.That(mixed.Problem(), Is.EqualTo($"preset 'tiny': levels use different samplers ({KernelPaths.Best}, torch:cpu)"));
    }

    [Test]
    public void EveryStreamOfAFinishedOrAbandonedJobIsDisposed()
    {
        var levels = Counting();
        var preset = TinyModels.Preset() with { Levels = levels };
        using (var service = new TestService(new TinyModelSource(preset, preset with { Name = "long", Seconds = 60 })))
        {
            using var client = service.Connect(Rate);
            for (int v = 0; v < 3; v++)
            {
                var reference = OfflineRender.Take(TinyModels.Preset(), 5, v, Rate);
                Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(client.Arm((ulong)v + 1, "tiny", 5, v).Ring, 0, reference.Length), reference, 0),
                    Is.EqualTo(-1), "the wrapped levels sample what the plain ones do");
            }
            Assert.That(SpinWait.SpinUntil(() => service.Host.Context.Scheduler.JobCount == 0, TestClient.Timeout), Is.True);
            Assert.That(levels.Select(l => (l.Created > 0, l.Live)), Is.All.EqualTo((true, 0)), "finished jobs freed their streams");

            client.Arm(9, "long", 5, 0);
            Assert.That(SpinWait.SpinUntil(() => levels.All(l => l.Live > 0), TestClient.Timeout), Is.True, "a 60 s take is being generated");
        }
        Assert.That(levels.Select(l => l.Live), Is.All.EqualTo(0), "the job left at shutdown freed its streams");
    }

    private static CountingWaveNet[] Counting(string? backend = null) =>
        TinyModels.Levels.Select(l => new CountingWaveNet(l, backend ?? l.Backend)).ToArray();

    /// <summary>A level that counts the streams created and not yet disposed, under any backend name.</summary>
    private sealed class CountingWaveNet(IIncrementalWaveNet inner, string backend) : IIncrementalWaveNet
    {
        private int _created, _live;

        public int Created => Volatile.Read(ref _created);

        public int Live => Volatile.Read(ref _live);

        public WaveNetSpec Spec => inner.Spec;

        public string Backend => backend;

        public IWaveNetStreams CreateStreams(int batch)
        {
            Interlocked.Increment(ref _created);
            Interlocked.Increment(ref _live);
            return new Streams(inner.CreateStreams(batch), this);
        }

        private sealed class Streams(IWaveNetStreams inner, CountingWaveNet net) : IWaveNetStreams
        {
            private int _disposed;

            public int Batch => inner.Batch;

            public long Time => inner.Time;

            public void Step(ReadOnlySpan<int> previous, ReadOnlySpan<int> codes, Span<float> logits) => inner.Step(previous, codes, logits);

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref net._live);
                inner.Dispose();
            }
        }
    }
}
