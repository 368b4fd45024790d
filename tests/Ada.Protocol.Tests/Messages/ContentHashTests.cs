using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ada.Protocol.Tests.Messages;

public class ContentHashTests
{
    [Test]
    public void Hex_form_is_the_standard_sha256_hex_and_parses_back()
    {
        var hash = ContentHash.Of("abc"u8);

        // FIPS 180-2 test vector for "abc".
        Assert.That(hash.ToString(), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        Assert.That(ContentHash.TryParse(hash.ToString().ToUpperInvariant(), out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(hash));
        Assert.That(ContentHash.TryParse("xyz", out _), Is.False);
        Assert.That(ContentHash.None.IsNone && !hash.IsNone, Is.True);
    }

    [Test]
    public void Primer_hash_covers_channels_rate_and_little_endian_samples()
    {
        float[] samples = [0.5f, -1f, 3f];
        var bytes = new byte[8 + 4 * samples.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 16_000);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8 + 4 * i), samples[i]);

        Assert.That(ContentHash.OfSamples(samples, 1, 16_000).ToString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        Assert.That(ContentHash.OfSamples(samples, 1, 16_000), Is.Not.EqualTo(ContentHash.OfSamples(samples, 1, 22_050)));
    }
}
