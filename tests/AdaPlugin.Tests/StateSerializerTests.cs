using System.Buffers.Binary;

namespace AdaPlugin.Tests;

/// <summary>The versioned state blob: round trip and every way it can be damaged.</summary>
[TestFixture]
public sealed class StateSerializerTests
{
    private static readonly AdaState Sample = new("Chœur d'été 🎻", 0xFEDCBA9876543210, "sha256:0123abcd",
        new Dictionary<uint, double> { [1] = 1, [2] = 48, [4] = 1.25, [5] = -6.5, [77] = 3 });

    [Test]
    public void Write_ThenParse_GivesTheSameState()
    {
        var blob = AdaStateSerializer.Write(Sample);
        Assert.That(AdaStateSerializer.TryParse(blob, out var state, out var problem), Is.True, problem);
        Assert.That((state.PresetName, state.Seed, state.CheckpointHash), Is.EqualTo((Sample.PresetName, Sample.Seed, Sample.CheckpointHash)));
        Assert.That(state.PlainValues, Is.EqualTo(Sample.PlainValues));
    }

    [Test]
    public void Header_StatesMagicVersionAndTheLengthThatDelimitsTheBlob()
    {
        var blob = AdaStateSerializer.Write(Sample);
        Assert.That(blob[..4], Is.EqualTo("ADAS"u8.ToArray()));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(blob.AsSpan(4)), Is.EqualTo(1));
        Assert.That(AdaStateSerializer.TryGetTotalSize(blob, out var total, out _), Is.True);
        Assert.That(total, Is.EqualTo(blob.Length));
        Assert.That(AdaStateSerializer.TryParse([.. blob, 1, 2, 3], out _, out var problem), Is.True, "bytes after the blob are not ours: " + problem);
    }

    [Test]
    public void Damaged_Blobs_AreRejectedWithTheFieldAndTheProblem()
    {
        var blob = AdaStateSerializer.Write(Sample);
        Assert.Multiple(() =>
        {
            Assert.That(Problem(blob[..5]), Does.Contain("shorter than the 12-byte header"));
            Assert.That(Problem(Changed(blob, b => b[1] = 0)), Does.Contain("magic"));
            Assert.That(Problem(Changed(blob, b => b[4] = 2)), Does.Contain("version 2 is unknown"));
            Assert.That(Problem(Changed(blob, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), 1 << 30))), Does.Contain("exceeds"));
            Assert.That(Problem(blob[..^1]), Does.Contain("truncated"));
            Assert.That(Problem(Changed(blob, b => b[14] ^= 1)), Does.Contain("checksum"));
        });
    }

    [Test]
    public void Payload_Errors_NameTheField()
    {
        // Valid checksums over invalid payloads: these reach the field parser.
        Assert.Multiple(() =>
        {
            Assert.That(Problem(Resealed([0x05, 0x00, (byte)'a'])), Does.Contain("ends inside preset name"));
            Assert.That(Problem(Resealed([0xFF, 0xFF])), Does.Contain("preset name claims 65535 bytes"));
            Assert.That(Problem(Resealed([0x02, 0x00, 0xC3, 0x28])), Does.Contain("preset name is not valid UTF-8"));
            byte[] noValues = [0, 0, .. new byte[8], 0, 0, 1, 0, 5, 0, 0, 0, .. BitConverter.GetBytes(double.NaN)];
            Assert.That(Problem(Resealed(noValues)), Does.Contain("parameter 5 is NaN"));
            byte[] trailing = [0, 0, .. new byte[8], 0, 0, 0, 0, 42];
            Assert.That(Problem(Resealed(trailing)), Does.Contain("1 unread bytes"));
        });
    }

    [Test]
    public void Write_RefusesStringsThatDoNotFit() =>
        Assert.That(() => AdaStateSerializer.Write(Sample with { CheckpointHash = new string('x', 2000) }),
            Throws.ArgumentException.With.Message.Contains("checkpoint hash"));

    [Test]
    public void Fnv1a_MatchesThePublishedTestVector() =>
        Assert.That(AdaStateSerializer.Fnv1a("a"u8), Is.EqualTo(0xAF63DC4C8601EC8CUL)); // FNV-1a 64 of "a" (IETF draft test vectors)

    private static string Problem(byte[] blob)
    {
        Assert.That(AdaStateSerializer.TryParse(blob, out var state, out var problem), Is.False);
        Assert.That(state, Is.SameAs(AdaState.Defaults));
        return problem;
    }

    private static byte[] Changed(byte[] source, Action<byte[]> change)
    {
        var copy = source.ToArray();
        change(copy);
        return copy;
    }

    private static byte[] Resealed(byte[] payload)
    {
        var blob = new byte[12 + payload.Length + 8];
        "ADAS"u8.CopyTo(blob);
        BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(8), (uint)payload.Length);
        payload.CopyTo(blob, 12);
        BinaryPrimitives.WriteUInt64LittleEndian(blob.AsSpan(12 + payload.Length), AdaStateSerializer.Fnv1a(blob.AsSpan(0, 12 + payload.Length)));
        return blob;
    }
}
