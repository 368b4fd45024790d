using Ada.Audio;
using Ada.Inference.Kernels;
using Ada.Models;
using Ada.Service.Models.Tests.Support;
using Ada.Service.Tests.Support;

namespace Ada.Service.Models.Tests;

/// <summary>
/// <c>ada serve --device torch-cpu</c>: the model source's levels as <see cref="TorchFastWaveNet"/>s on the CPU device, served
/// from real checkpoints, against the fast CPU sampler's.
/// </summary>
[TestFixture]
public class TorchSamplerServiceTests
{
    private const int HostRate = 48_000;
    private const ulong Seed = 4;
    private const int Variation = 2;
    private TinyCheckpoints _files = null!;

    [OneTimeSetUp]
    public void WriteModelAndPresets()
    {
        TorchSharp.torch.set_num_threads(1);
        _files = new TinyCheckpoints();
    }

    [OneTimeTearDown]
    public void Delete() => _files.Dispose();

    [Test]
    public void ATorchCpuServiceStreamsTheCpuSamplersTakeUnderAnotherTakeId()
    {
        using var cache = new TempDir();
        using var cpuSource = new PresetModelSource(_files.Presets);
        var reference = OfflineRender.Take(cpuSource.Resolve("tiny"), Seed, Variation, HostRate);
        var cpu = Serve(cpuSource, cache);
        using var torchSource = new PresetModelSource(_files.Presets, device: SamplerDevice.Parse("torch-cpu"));
        var torch = Serve(torchSource, cache);

        Assert.That((cpu.Device, torch.Device), Is.EqualTo(($"cpu ({KernelPaths.Best})", "cpu (TorchSharp)")), "Status reports the source's device");
        Assert.That(OfflineRender.FirstMismatch(cpu.Frames, reference, 0), Is.EqualTo(-1));
        // Same random numbers, logits within ~1e-6: no draw of this whole 1,600-sample take lands between the two (checked
        // here; a longer take or another model may diverge at some sample, which is why the take ids differ).
        Assert.That(OfflineRender.FirstMismatch(torch.Frames, reference, 0), Is.EqualTo(-1), "the torch sampler's take, sample for sample");
        Assert.That(torch.Generated, Is.EqualTo(torchSource.Resolve("tiny").LengthSamples), "generated, not read from the CPU take's cache entry");
        Assert.That(Directory.GetDirectories(cache.Sub("cache")), Has.Length.EqualTo(2), "one cache entry per sampler");
    }

    [Test]
    public void LevelsSayTheirBackendAndTheTorchOnesAreFreedWithTheSource()
    {
        using var cpuSource = new PresetModelSource(_files.Presets, KernelPath.Vector128);
        Assert.That(cpuSource.Resolve("tiny").Levels.Select(l => l.Backend), Is.EqualTo(new[] { "Vector128", "Vector128" }));
        Assert.That(cpuSource.Device, Is.EqualTo("cpu (Vector128)"));

        var torchSource = new PresetModelSource(_files.Presets, device: SamplerDevice.Parse("torch-cpu"));
        var levels = torchSource.Resolve("tiny").Levels;
        Assert.That(levels.Select(l => (l.GetType(), l.Backend)), Is.All.EqualTo((typeof(TorchFastWaveNet), "torch:cpu")));
        torchSource.Dispose();
        foreach (var level in levels) Assert.Throws<ObjectDisposedException>(() => level.CreateStreams(1), "the device copy is freed");
        Assert.Throws<ObjectDisposedException>(() => torchSource.Resolve("tiny"));
    }

    [Test]
    public void AnUnknownDeviceIsRejectedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => SamplerDevice.Parse("gpu0"))!;
        Assert.That(error.Message, Is.EqualTo($"unknown sampler device 'gpu0': use {SamplerDevice.Choices}"));
    }

    private static (string Device, float[] Frames, long Generated) Serve(ITakeModelSource source, TempDir dir)
    {
        using var service = new TestService(source, dir: dir);
        using var client = service.Connect(HostRate);
        var preset = source.Resolve("tiny");
        var (_, ring) = client.Arm(1, "Tiny Piano", Seed, Variation);
        var frames = RingFrames.Collect(ring, 0, Resampler.OutputLength((int)preset.LengthSamples, ResolvedPreset.ModelSampleRate, HostRate));
        long chunks = (preset.LengthSamples + service.Options.CacheChunkSamples - 1) / service.Options.CacheChunkSamples;
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.ChunksWritten == chunks, TestClient.Timeout), Is.True, "the take reached the disk cache");
        return (client.Status().Device, frames, service.Metrics.GeneratedSamples);
    }
}
