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
    public void PrimerAndPlayedKeys_RoundTrip()
    {
        var samples = Enumerable.Range(0, 4800 * 2).Select(i => MathF.Sin(i * 0.01f)).ToArray();
        var keys = UInt128.One << 127 | UInt128.One << 60 | UInt128.One;
        var blob = AdaStateSerializer.Write(Sample with { Primer = new PrimerSnapshot(samples, 48_000), PlayedKeys = keys });
        Assert.That(AdaStateSerializer.TryParse(blob, out var state, out var problem), Is.True, problem);
        Assert.That(state.PlayedKeys, Is.EqualTo(keys));
        Assert.That(state.Primer!.Interleaved, Is.EqualTo(samples));
        Assert.That((state.Primer.SampleRate, state.Primer.Hash), Is.EqualTo((48_000, new PrimerSnapshot(samples, 48_000).Hash)));
    }

    [Test]
    public void Version1Blob_WithoutAPrimer_StillLoads()
    {
        // A version 1 blob is a version 2 blob without the primer and key fields (24 bytes of zeros): rebuild one by hand.
        var v2 = AdaStateSerializer.Write(Sample);
        var payload = v2.AsSpan(AdaStateSerializer.HeaderSize, v2.Length - AdaStateSerializer.HeaderSize - 24 - 8).ToArray();
        var v1 = new byte[AdaStateSerializer.HeaderSize + payload.Length + 8];
        v2.AsSpan(0, AdaStateSerializer.HeaderSize).CopyTo(v1);
        BinaryPrimitives.WriteUInt16LittleEndian(v1.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(8), (uint)payload.Length);
        payload.CopyTo(v1, AdaStateSerializer.HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(v1.AsSpan(v1.Length - 8), AdaStateSerializer.Fnv1a(v1.AsSpan(0, v1.Length - 8)));

        Assert.That(AdaStateSerializer.TryParse(v1, out var state, out var problem), Is.True, problem);
        Assert.That((state.PresetName, state.Seed, state.Primer), Is.EqualTo((Sample.PresetName, Sample.Seed, (PrimerSnapshot?)null)));
        Assert.That(state.PlainValues, Is.EqualTo(Sample.PlainValues));
    }

    [Test]
    public void Header_StatesMagicVersionAndTheLengthThatDelimitsTheBlob()
    {
        var blob = AdaStateSerializer.Write(Sample);
        Assert.That(blob[..4], Is.EqualTo("ADAS"u8.ToArray()));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(blob.AsSpan(4)), Is.EqualTo(2));
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
            Assert.That(Problem(Changed(blob, b => b[4] = 3)), Does.Contain("version 3 is unknown"));
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
