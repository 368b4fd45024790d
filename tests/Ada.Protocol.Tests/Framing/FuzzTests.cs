using System.Buffers.Binary;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Framing;

/// <summary>Malformed input of every kind must fail cleanly: a false return with an error code, no exception.</summary>
public class FuzzTests
{
    private static IEnumerable<IMessageCase> Cases => SampleMessages.AllVersions;

    [Test]
    public void Ten_thousand_random_byte_strings_are_all_rejected()
    {
        var random = new Random(1234);
        for (int i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);

            Assert.That(FrameCodec.TryParse(bytes, out _, out var error), Is.False, $"case {i}");
            Assert.That(error.IsError, Is.True);

            var reader = new FrameReader();
            reader.Append(bytes);
            Assert.That(reader.TryReadFrame(out _, out _), Is.Not.EqualTo(FrameReadStatus.Frame), $"case {i}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Every_truncation_of_a_valid_frame_is_rejected(IMessageCase sample)
    {
        byte[] bytes = sample.Encode(9);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.That(FrameCodec.TryParse(bytes.AsSpan(0, length), out _, out var error), Is.False, $"length {length}");
            Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.Truncated), $"length {length}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Every_truncation_of_a_payload_is_rejected_by_the_message_parser(IMessageCase sample)
    {
        byte[] bytes = sample.Encode(9);
        FrameCodec.TryParse(bytes, out var full, out _);
        for (int length = 0; length < full.Payload.Length; length++)
        {
            var header = full.Header with { PayloadLength = (uint)length };
            var cut = new Frame(header, full.Payload[..length]);
            Assert.That(AnyMessage.TryDecode(cut, out _, out var error), Is.False, $"payload length {length}");
            Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.Truncated), $"payload length {length}");
        }
    }

    [Test]
    public void Oversized_length_field_is_rejected_as_payload_too_large()
    {
        byte[] bytes = SampleMessages.For(MessageType.Status).Encode(1);
        foreach (uint length in new uint[] { ProtocolLimits.MaxPayloadSize + 1, 1 << 30, uint.MaxValue })
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), length);
            Assert.That(FrameCodec.TryParse(bytes, out _, out var error), Is.False);
            Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.PayloadTooLarge), $"length {length}");
        }
    }

    [Test]
    public void Unknown_message_types_are_rejected()
    {
        byte[] bytes = SampleMessages.For(MessageType.Start).Encode(1);
        foreach (ushort type in new ushort[] { 0, (ushort)MessageTypes.Last + 1, 1000, ushort.MaxValue })
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), type);
            Assert.That(FrameCodec.TryParse(bytes, out _, out var error), Is.False);
            Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.UnknownMessageType), $"type {type}");
        }
    }

    [Test]
    public void Wrong_magic_and_unsupported_versions_are_rejected()
    {
        byte[] bytes = SampleMessages.For(MessageType.Seek).Encode(1);
        byte[] badMagic = (byte[])bytes.Clone();
        badMagic[3] = (byte)'X';
        Assert.That(FrameCodec.TryParse(badMagic, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.BadMagic));

        foreach (ushort version in new ushort[] { 0, ProtocolVersion.Current + 1, ushort.MaxValue })
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), version);
            Assert.That(FrameCodec.TryParse(bytes, out _, out error), Is.False);
            Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.UnsupportedVersion), $"version {version}");
        }
    }

    [Test]
    public void Random_payloads_under_valid_headers_of_every_version_fail_cleanly_or_reencode_to_the_same_bytes()
    {
        var random = new Random(99);
        var accepted = new int[ProtocolVersion.Current + 1];
        for (int i = 0; i < 20_000; i++)
        {
            var type = (MessageType)random.Next(1, (int)MessageTypes.Last + 1);
            var version = (ushort)random.Next(ProtocolVersion.Min, ProtocolVersion.Current + 1);
            var payload = new byte[random.Next(0, 80)];
            random.NextBytes(payload);
            var frame = new Frame(new FrameHeader(version, type, (uint)payload.Length, 3), payload);

            if (!AnyMessage.TryDecode(frame, out byte[] reencoded, out var error))
            {
                Assert.That(error.IsError && error.Message.Length > 0, Is.True);
                continue;
            }
            accepted[version]++;
            Assert.That(reencoded.AsSpan(ProtocolLimits.HeaderSize).SequenceEqual(payload), Is.True, $"{type} v{version} payload is not canonical");
        }
        for (int v = ProtocolVersion.Min; v <= ProtocolVersion.Current; v++)
            Assert.That(accepted[v], Is.GreaterThan(0), $"some random v{v} payloads (fixed-size numeric messages) are valid");
    }

    /// <summary>
    /// Messages whose layout depends on the frame version: the version that changed it, a valid payload in a version's layout,
    /// and which of its bytes to randomise (fixed-size fields, so a good share of random values is valid).
    /// </summary>
    private static IEnumerable<TestCaseData> VersionedLayouts()
    {
        const int armFieldsAt = 8 + 2 + 1;   // take id, preset length, "p"
        yield return new TestCaseData(MessageType.ArmTake, ProtocolVersion.TakePlacement,
            (Func<ushort, byte[]>)(v => FrameCodec.Encode(new ArmTakeMessage(1, "p", 2, 3, ContentHash.None), 1, v)[ProtocolLimits.HeaderSize..]),
            (Action<Random, byte[]>)((random, payload) => random.NextBytes(payload.AsSpan(armFieldsAt)))).SetArgDisplayNames("ArmTake");
        const int statusNumbersAt = 1 + 2 + 1; // connected, device length, "d"
        const int statusHashAt = statusNumbersAt + 8 + 8 + 2; // buffer depth, underruns, empty last error
        yield return new TestCaseData(MessageType.Status, ProtocolVersion.StatusCheckpoint,
            (Func<ushort, byte[]>)(v => FrameCodec.Encode(new StatusMessage(true, "d", 0, 0, ""), 1, v)[ProtocolLimits.HeaderSize..]),
            (Action<Random, byte[]>)((random, payload) =>
            {
                random.NextBytes(payload.AsSpan(statusNumbersAt, 8 + 8));
                random.NextBytes(payload.AsSpan(statusHashAt));
            })).SetArgDisplayNames("Status");
    }

    [TestCaseSource(nameof(VersionedLayouts))]
    public void Random_fields_of_every_layout_fail_cleanly_or_reencode_to_the_same_bytes(MessageType type, ushort changedIn,
        Func<ushort, byte[]> payloadIn, Action<Random, byte[]> randomise)
    {
        var random = new Random(7);
        var accepted = new int[ProtocolVersion.Current + 1];
        for (int i = 0; i < 5_000; i++)
        {
            ushort version = (ushort)random.Next(ProtocolVersion.Min, ProtocolVersion.Current + 1);
            ushort layout = (ushort)random.Next(ProtocolVersion.Min, ProtocolVersion.Current + 1);
            bool sameLayout = version >= changedIn == layout >= changedIn;
            var payload = payloadIn(layout);
            randomise(random, payload);
            var frame = new Frame(new FrameHeader(version, type, (uint)payload.Length, 3), payload);
            if (!AnyMessage.TryDecode(frame, out byte[] reencoded, out var error))
            {
                Assert.That(error.Message, Does.StartWith($"{type}: "));
                if (!sameLayout) Assert.That(error.Code, Is.AnyOf(ProtocolErrorCode.Truncated, ProtocolErrorCode.TrailingBytes));
                continue;
            }
            Assert.That(sameLayout, Is.True, $"a payload of the v{layout} layout is never accepted in a v{version} frame");
            accepted[version]++;
            Assert.That(reencoded.AsSpan(ProtocolLimits.HeaderSize).SequenceEqual(payload), Is.True, $"{type} v{version} payload is not canonical");
        }
        for (int v = ProtocolVersion.Min; v <= ProtocolVersion.Current; v++)
            Assert.That(accepted[v], Is.GreaterThan(0), $"some random v{v} {type} fields are valid");
    }

    [TestCaseSource(nameof(Cases))]
    public void Bit_flips_of_a_valid_frame_fail_cleanly_or_reencode_to_the_same_bytes(IMessageCase sample)
    {
        byte[] original = sample.Encode(4);
        var random = new Random((int)sample.Type);
        for (int i = 0; i < 2000; i++)
        {
            byte[] bytes = (byte[])original.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));

            if (!FrameCodec.TryParse(bytes, out var frame, out var error))
            {
                Assert.That(error.IsError, Is.True);
                continue;
            }
            if (AnyMessage.TryDecode(frame, out byte[] reencoded, out error))
                Assert.That(reencoded, Is.EqualTo(bytes), $"{sample.Type} flip {i} is not canonical");
            else
                Assert.That(error.IsError, Is.True);
        }
    }
}
