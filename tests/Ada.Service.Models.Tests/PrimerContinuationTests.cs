using Ada.Audio;
using Ada.Cli.Pipeline;
using Ada.Models;
using Ada.Service.Models.Tests.Support;
using Ada.Service.Tests.Support;

namespace Ada.Service.Models.Tests;

/// <summary>
/// A take armed with a primer, served from real checkpoints: it continues from the primer's codes exactly as
/// <c>ada render --primer</c> renders it (same decoding of the primer file, same encoder, same sampler), bit for bit.
/// </summary>
[TestFixture]
public class PrimerContinuationTests
{
    private const int HostRate = 48_000;
    private const ulong Seed = 4;
    private const int Variation = 2;
    private TinyCheckpoints _files = null!;
    private float[] _primer = null!;
    private string _primerWav = null!;

    [OneTimeSetUp]
    public void WriteModelAndPrimer()
    {
        _files = new TinyCheckpoints();
        // 0.2 s of stereo at 44.1 kHz, the channels different: the service and the CLI both average and resample it.
        _primer = Enumerable.Range(0, 8_820 * 2).Select(i => (float)(0.4 * Math.Sin(i / 2 * 0.06) + (i % 2 == 0 ? 0.15 : -0.05) * Math.Cos(i / 2 * 0.011))).ToArray();
        _primerWav = _files.Sub("primer.wav");
        AudioFile.WriteWav(_primerWav, new AudioBuffer(_primer, 44_100, 2), WavEncoding.Float32);
    }

    [OneTimeTearDown]
    public void Delete() => _files.Dispose();

    /// <summary>What <c>ada render --primer primer.wav --seed 4 --rate 48000</c> computes for variation 2.</summary>
    private float[] CliRender(string? primerWav)
    {
        var model = ModelBundle.Load(_files.ModelManifest);
        var preset = new PresetModelSource(_files.Presets).Resolve("tiny");
        var codes = primerWav is null ? null : PrimerEncoder.Encode(model, AudioFile.ReadMono(primerWav, 16_000));
        var stem = new StemRenderer(model).Render(Seed, [Variation], preset.Temperatures.ToArray(), (int)preset.LengthSamples, codes)[0];
        return Resampler.Resample(stem, 16_000, HostRate);
    }

    private float[] Serve()
    {
        using var service = new TestService(new PresetModelSource(_files.Presets));
        using var client = service.Connect(HostRate);
        var primer = client.SendPrimer(_primer, 2, 44_100);
        var (_, ring) = client.Arm(1, "Tiny Piano", Seed, Variation, primer);
        return RingFrames.Collect(ring, 0, Resampler.OutputLength(1_600, 16_000, HostRate));
    }

    [Test]
    public void APrimedTakeEqualsTheCliRenderWithTheSamePrimerAndDiffersFromTheUnprimedTake()
    {
        var served = Serve();
        var cli = CliRender(_primerWav);
        Assert.That(OfflineRender.FirstMismatch(served, cli, 0), Is.EqualTo(-1), "the ring is ada render --primer, bit for bit");
        Assert.That(OfflineRender.FirstMismatch(served, CliRender(null), 0), Is.Not.EqualTo(-1), "without the primer it is other audio");
    }

    [Test]
    public void APrimedTakeIsBitIdenticalFromAnotherServiceInstance() => Assert.That(Serve(), Is.EqualTo(Serve()));
}
