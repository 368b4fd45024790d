using Ada.Models;
using Ada.Protocol.Messages;
using Ada.Service.Models.Tests.Support;
using Ada.Service.Tests.Support;

namespace Ada.Service.Models.Tests;

/// <summary>The real model source over presets and checkpoints (a tiny random two-level model written with TorchSharp).</summary>
[TestFixture]
public class PresetModelSourceTests
{
    private TinyCheckpoints _files = null!;

    [OneTimeSetUp]
    public void WriteModelAndPresets() => _files = new TinyCheckpoints();

    [OneTimeTearDown]
    public void Delete() => _files.Dispose();

    [Test]
    public void PresetsResolveByFileNamePresetNameOrPathWithTheBundlesHash()
    {
        var source = new PresetModelSource(_files.Presets);
        var byFile = source.Resolve("tiny");
        var bundle = ModelBundle.Load(_files.ModelManifest);
        Assert.That(byFile.ModelHash, Is.EqualTo(bundle.Hash));
        Assert.That((byFile.Name, byFile.Levels.Count, byFile.Seconds, byFile.Seed), Is.EqualTo(("Tiny Piano", 2, 0.1, 9UL)));
        Assert.That(byFile.Temperatures, Is.EqualTo(new[] { 0.9f, 1.1f }));
        Assert.That(source.Resolve("Tiny Piano"), Is.SameAs(byFile), "by the preset's name, from the cache");
        Assert.That(source.Resolve(Path.Combine(_files.Presets, "tiny.json")), Is.SameAs(byFile), "by absolute path");
        Assert.That(byFile.Problem(), Is.Null);
    }

    [Test]
    public void AMissingPresetOrAWrongModelHashIsReportedWithItsErrorCode()
    {
        var source = new PresetModelSource(_files.Presets);
        var missing = Assert.Throws<ModelSourceException>(() => source.Resolve("nothing"))!;
        Assert.That(missing.Code, Is.EqualTo(ErrorCode.PresetNotFound));
        var wrong = Assert.Throws<ModelSourceException>(() => source.Resolve("wrong"))!;
        Assert.That(wrong.Code, Is.EqualTo(ErrorCode.CheckpointMismatch));
        Assert.That(wrong.Message, Does.Contain(new string('0', 64)));
        Assert.That(Assert.Throws<ModelSourceException>(() => new PresetModelSource(null).Resolve("tiny"))!.Code, Is.EqualTo(ErrorCode.PresetNotFound));
    }

    [Test]
    public void PrimersEncodeThroughTheLevelEncodersAsTheCliDoes()
    {
        var source = new PresetModelSource(_files.Presets);
        var preset = source.Resolve("tiny");
        var audio = Enumerable.Range(0, 1_000).Select(i => (float)(0.5 * Math.Sin(i * 0.05))).ToArray();
        var codes = source.EncodePrimer(preset, audio);
        Assert.That(codes.Select(c => c.Length), Is.EqualTo(PrimerEncoder.Encode(ModelBundle.Load(_files.ModelManifest), audio).Select(c => c.Length)));
        Assert.That(codes, Is.EqualTo(PrimerEncoder.Encode(ModelBundle.Load(_files.ModelManifest), audio)));
        Assert.That(preset.PrimerProblem(codes), Is.Null, "codes of both levels, in range, hop-consistent");

        var tooShort = Assert.Throws<ModelSourceException>(() => source.EncodePrimer(preset, [0.1f]))!;
        Assert.That((tooShort.Code, tooShort.Message), Is.EqualTo((ErrorCode.BadRequest,
            "preset 'Tiny Piano': cannot encode the primer: primer is shorter than one top-level frame (4 samples at 16 kHz)")));
        var unknown = Assert.Throws<ModelSourceException>(() => source.EncodePrimer(TinyModels.Preset(), audio))!;
        Assert.That(unknown.Message, Does.Contain("was not loaded by this source"));
    }

    [Test]
    public void AServiceOnRealCheckpointsStreamsTheOfflineRender()
    {
        var source = new PresetModelSource(_files.Presets);
        using var service = new TestService(source);
        using var client = service.Connect(48_000);
        var (_, ring) = client.Arm(1, "Tiny Piano", 4, 2);
        var reference = OfflineRender.Take(source.Resolve("tiny"), 4, 2, 48_000);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(ring, 0, reference.Length), reference, 0), Is.EqualTo(-1));
    }

    [Test]
    public void AReloadFreesTheReplacedTorchLevelsOnceTheLastLeaseEnds()
    {
        using var files = new TinyCheckpoints();
        using var source = new PresetModelSource(files.Presets, device: SamplerDevice.Parse("torch-cpu"));
        var first = source.Resolve("tiny");
        var job = first.Model!.TryLease()!;
        Touch(files);
        var second = source.Resolve("tiny");
        Assert.That(second.Model, Is.Not.SameAs(first.Model), "the changed files were reloaded");
        Assert.That(first.Model.IsFreed, Is.False, "a job still leases the old model");
        first.Levels[0].CreateStreams(1).Dispose();

        job.Dispose();
        Assert.That(first.Model.IsFreed, Is.True);
        Assert.Throws<ObjectDisposedException>(() => first.Levels[0].CreateStreams(1), "its device weights are gone");

        Touch(files);
        Assert.That(source.Resolve("Tiny Piano").Model, Is.Not.SameAs(second.Model));
        Assert.That(second.Model!.IsFreed, Is.True, "unleased: freed by the reload itself");
    }

    private static void Touch(TinyCheckpoints files)
    {
        foreach (var file in new[] { files.ModelManifest, Path.Combine(files.Presets, "tiny.json") })
            File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));
    }
}
