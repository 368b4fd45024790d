using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ada.Models.Tests;

public class CheckpointTests
{
    string dir = "";

    [SetUp]
    public void MakeDir() => dir = Tiny.TempDir();

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    string Save(LevelModel model, AdamOptimizer? adam = null)
    {
        var path = Path.Combine(dir, "model.adackpt");
        Checkpoint.Write(path, model, 42, optimizer: adam);
        return path;
    }

    [TestCase(ModelKind.AdaAmae)]
    [TestCase(ModelKind.AdaVq)]
    [TestCase(ModelKind.WaveNet)]
    [TestCase(ModelKind.Transformer)]
    public void RoundTripIsBitIdenticalAndTheHashIsSha256OfTheWeightsInNameOrder(string kind)
    {
        var config = Tiny.ByKind(kind);
        using var model = Tiny.Build<LevelModel>(config);
        var path = Save(model);

        var checkpoint = Checkpoint.Read(path);
        using var loaded = checkpoint.CreateModel();
        var (a, b) = (model.NamedWeights(), loaded.NamedWeights());
        Assert.That(b.Select(w => w.Name), Is.EqualTo(a.Select(w => w.Name)));
        for (var i = 0; i < a.Count; i++) Assert.That(b[i].Values, Is.EqualTo(a[i].Values), a[i].Name);
        Assert.That(loaded.Config, Is.EqualTo(config));
        Assert.That(checkpoint.Step, Is.EqualTo(42));

        var expected = SHA256.HashData(model.named_parameters()
            .OrderBy(p => p.name, StringComparer.Ordinal)
            .SelectMany(p => Tiny.Floats(p.parameter).SelectMany(BitConverter.GetBytes)).ToArray());
        Assert.That(checkpoint.ContentHash, Is.EqualTo(Convert.ToHexStringLower(expected)));
        Assert.That(Checkpoint.Read(Save(loaded)).ContentHash, Is.EqualTo(checkpoint.ContentHash));
    }

    [Test]
    public void ManifestMatchesTheLayoutDerivedFromTheConfig()
    {
        using var model = Tiny.Build<LevelModel>(Tiny.Vq());
        var checkpoint = Checkpoint.Read(Save(model));
        var layout = LevelModel.Layout(Tiny.Vq());
        Assert.That(checkpoint.Weights.Select(w => w.Name), Is.EqualTo(layout.Select(w => w.Name)));
        Assert.That(checkpoint.Weights.Select(w => w.Shape), Is.EqualTo(layout.Select(w => w.Shape)));
        Assert.That(checkpoint.Weights.Single(w => w.Name == "quantiser.codebook").Shape, Is.EqualTo(new long[] { 8, 5 }));
    }

    [Test]
    public void OptimizerMomentsRoundTrip()
    {
        using var model = Tiny.Build<PlainWaveNet>(Tiny.WaveNet());
        using var adam = new AdamOptimizer(model.SortedParameters(), 0.01);
        model.Loss(Tiny.RandomClasses(2, 16)).Total.backward();
        adam.Step();
        var checkpoint = Checkpoint.Read(Save(model, adam));
        using var restored = new AdamOptimizer(model.SortedParameters(), 0.5);
        checkpoint.LoadOptimizer(restored);
        Assert.That(restored.State, Is.EqualTo(adam.State));
        var (a, b) = (adam.Moments(), restored.Moments());
        Assert.That(b.Select(m => m.Name), Is.EqualTo(a.Select(m => m.Name)));
        for (var i = 0; i < a.Count; i++) Assert.That(b[i].Values, Is.EqualTo(a[i].Values), a[i].Name);
        Assert.That(a.Any(m => m.Values.Any(v => v != 0)), "moments must be non-trivial");
    }

    static int DataStart(byte[] file) => (16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12)) + 63) / 64 * 64;

    [Test]
    public void FlippedWeightByteIsReportedAsHashMismatch()
    {
        using var model = Tiny.Build<LevelModel>(Tiny.Amae());
        var path = Save(model);
        var entry = Checkpoint.Read(path).Header.Tensors.Single(t => t.Name == "decoder.head2.bias");
        var file = File.ReadAllBytes(path);
        file[DataStart(file) + entry.Offset + 2] ^= 0x10;
        File.WriteAllBytes(path, file);
        Assert.That(() => Checkpoint.Read(path), Throws.TypeOf<CheckpointException>().With.Message.EqualTo($"checkpoint {path}: corrupt (hash mismatch)"));
    }

    [Test]
    public void TruncatedFileIsReportedAsTruncated()
    {
        using var model = Tiny.Build<LevelModel>(Tiny.Amae());
        var path = Save(model);
        var file = File.ReadAllBytes(path);
        File.WriteAllBytes(path, file[..^10]);
        Assert.That(() => Checkpoint.Read(path), Throws.TypeOf<CheckpointException>()
            .With.Message.EqualTo($"checkpoint {path}: truncated ({file.Length - 10} of {file.Length} bytes)"));
        File.WriteAllBytes(path, file[..20]);
        Assert.That(() => Checkpoint.Read(path), Throws.TypeOf<CheckpointException>().With.Message.StartsWith($"checkpoint {path}: truncated"));
    }

    [Test]
    public void NewerFormatVersionIsRefusedByNumber()
    {
        using var model = Tiny.Build<LevelModel>(Tiny.WaveNet());
        var path = Save(model);
        var file = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), 3);
        File.WriteAllBytes(path, file);
        Assert.That(() => Checkpoint.Read(path), Throws.TypeOf<CheckpointException>()
            .With.Message.EqualTo($"checkpoint {path}: format version 3 is newer than supported 1"));
    }

    [Test]
    public void NotACheckpointAndMissingFileAreNamed()
    {
        var path = Path.Combine(dir, "x.adackpt");
        File.WriteAllText(path, "hello world, not a checkpoint");
        Assert.That(() => Checkpoint.Read(path), Throws.TypeOf<CheckpointException>().With.Message.EqualTo($"checkpoint {path}: not an Ada checkpoint (bad magic)"));
        var missing = Path.Combine(dir, "missing.adackpt");
        Assert.That(() => Checkpoint.Read(missing), Throws.TypeOf<CheckpointException>().With.Message.EqualTo($"checkpoint {missing}: file not found"));
    }

    [Test]
    public void MismatchedArchitectureNamesTheTensorAndBothShapes()
    {
        using var model = Tiny.Build<LevelModel>(Tiny.Amae());
        var path = Save(model);
        var wider = Tiny.Amae(decoder: Tiny.Decoder with { Residual = 16 });
        Assert.That(() => Checkpoint.Read(path, expectedModel: wider), Throws.TypeOf<CheckpointException>()
            .With.Message.EqualTo($"checkpoint {path}: architecture mismatch: decoder.embed.weight has shape [256, 8] but config expects [256, 16]"));
        var deeper = Tiny.Amae(decoder: Tiny.Decoder with { Layers = 5 });
        Assert.That(() => Checkpoint.Read(path, expectedModel: deeper), Throws.TypeOf<CheckpointException>()
            .With.Message.Contains("architecture mismatch: decoder.layers.3.residual.bias is missing"));
        Assert.That(() => Checkpoint.Read(path, expectedKind: ModelKind.WaveNet), Throws.TypeOf<CheckpointException>()
            .With.Message.EqualTo($"checkpoint {path}: holds a 'ada-amae' model but 'wavenet' is expected"));
    }

    [Test]
    public void LoadingIntoAModelOfAnotherConfigIsRefused()
    {
        using var model = Tiny.Build<LevelModel>(Tiny.Amae());
        var checkpoint = Checkpoint.Read(Save(model));
        using var other = Tiny.Build<LevelModel>(Tiny.Amae(codes: 16));
        Assert.That(() => checkpoint.LoadInto(other), Throws.TypeOf<CheckpointException>().With.Message.Contains("architecture mismatch"));
    }
}
