using System.Buffers.Binary;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using Ada.Protocol.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Ada.Protocol.Tests.Messages;

/// <summary>
/// Protocol 2 added ArmTake's take start and transpose, protocol 3 Status's checkpoint hash. An older frame keeps the older
/// layout (and means start 0, no transposition, no checkpoint); each version's layout is exact, so a payload of the other
/// layout never parses.
/// </summary>
public class VersioningTests
{
    private static readonly ContentHash Primer = ContentHash.Of("primer"u8);
    private static readonly ArmTakeMessage Plain = new(7, "piano", 11, -2, Primer);
    private static readonly ContentHash Model = ContentHash.Of("model"u8);
    private static readonly StatusMessage Health = new(true, "cpu (AVX2)", 4096, 3, "");

    [Test]
    public void A_version_1_ArmTake_is_the_version_2_payload_without_its_last_16_bytes()
    {
        var v1 = FrameCodec.Encode(Plain, 1, version: 1);
        var v2 = FrameCodec.Encode(Plain with { TakeStart = 0x0102_0304_0506_0708, Transpose = 7 }, 1, version: 2);

        Assert.That(v1.Length - ProtocolLimits.HeaderSize, Is.EqualTo(8 + 2 + 5 + 8 + 4 + 32));
        Assert.That(v2.Length - v1.Length, Is.EqualTo(16));
        Assert.That(v2.AsSpan(ProtocolLimits.HeaderSize, v1.Length - ProtocolLimits.HeaderSize).SequenceEqual(v1.AsSpan(ProtocolLimits.HeaderSize)), Is.True);
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(v2.AsSpan(v1.Length)), Is.EqualTo(0x0102_0304_0506_0708));
        Assert.That(BinaryPrimitives.ReadDoubleLittleEndian(v2.AsSpan(v1.Length + 8)), Is.EqualTo(7.0));
        Assert.That(FrameCodec.GetFrameSize(Plain, 1), Is.EqualTo(v1.Length));
    }

    [Test]
    public void A_version_1_ArmTake_decodes_with_start_0_and_no_transposition()
    {
        Assert.That(FrameCodec.TryParse(FrameCodec.Encode(Plain, 3, version: 1), out var frame, out var error), Is.True, error.ToString());
        Assert.That(frame.Header.Version, Is.EqualTo((ushort)1));
        Assert.That(frame.TryDecode(out ArmTakeMessage decoded, out error), Is.True, error.ToString());
        Assert.That(decoded, Is.EqualTo(Plain));
        Assert.That((decoded.TakeStart, decoded.Transpose, decoded.UsesPlacement), Is.EqualTo((0L, 0.0, false)));
    }

    [Test]
    public void A_take_start_or_transposition_cannot_be_framed_in_version_1()
    {
        Assert.That(() => FrameCodec.Encode(Plain with { TakeStart = 48_000 }, 1, version: 1),
            Throws.ArgumentException.With.Message.Contains("need protocol version 2, the frame is version 1"));
        Assert.That(() => FrameCodec.Encode(Plain with { Transpose = -0.5 }, 1, version: 1),
            Throws.ArgumentException.With.Message.Contains("transpose -0.5"));
    }

    [Test]
    public void A_payload_of_the_other_versions_layout_is_refused()
    {
        var v2Payload = FrameCodec.Encode(Plain with { TakeStart = 5 }, 1, version: 2)[ProtocolLimits.HeaderSize..];
        var v1Payload = FrameCodec.Encode(Plain, 1, version: 1)[ProtocolLimits.HeaderSize..];

        Assert.That(ArmTakeMessage.TryRead(v2Payload, 1, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.TrailingBytes, "ArmTake: 16 bytes after the last field")));
        Assert.That(ArmTakeMessage.TryRead(v1Payload, 2, out _, out error), Is.False);
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.Truncated, "ArmTake: take start needs 8 bytes, only 0 are left")));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(48.000001)]
    [TestCase(-49)]
    public void A_transposition_outside_four_octaves_is_refused_by_writer_and_parser(double semitones)
    {
        var message = Plain with { Transpose = semitones };
        Assert.That(() => FrameCodec.Encode(message, 1), Throws.ArgumentException.With.Message.Contains("not a number of semitones in [-48, 48]"));

        var payload = FrameCodec.Encode(Plain, 1)[ProtocolLimits.HeaderSize..];
        BinaryPrimitives.WriteDoubleLittleEndian(payload.AsSpan(payload.Length - 8), semitones);
        Assert.That(ArmTakeMessage.TryRead(payload, 2, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.InvalidValue));
    }

    [Test]
    public void Frames_of_versions_this_build_does_not_speak_cannot_be_encoded()
    {
        foreach (ushort version in new ushort[] { 0, ProtocolVersion.Current + 1 })
            Assert.That(() => FrameCodec.Encode(new SeekMessage(1), 1, version), Throws.ArgumentException.With.Message.Contains($"protocol version {version} is outside 1..{ProtocolVersion.Current}"));
    }

    [Test]
    public void A_socket_that_negotiated_version_1_sends_the_version_1_layout()
    {
        using var pair = new SocketPair();
        pair.Client.Version = 1;
        Assert.That(pair.Client.TrySend(Plain, 9, out var error), Is.True, error.ToString());
        Assert.That(pair.Peer.TryReceive(TimeSpan.FromSeconds(10), out var frame, out error), Is.True, error.ToString());
        Assert.That((frame.Header.Version, frame.Payload.Length), Is.EqualTo(((ushort)1, FrameCodec.GetFrameSize(Plain, 1) - ProtocolLimits.HeaderSize)));
        Assert.That(frame.TryDecode(out ArmTakeMessage decoded, out error) && decoded == Plain, Is.True, error.ToString());
        Assert.That(() => pair.Client.TrySend(Plain with { Transpose = 12 }, 10, out _), Throws.ArgumentException);
    }

    [Test]
    public void A_version_3_Status_is_the_version_2_payload_then_the_raw_checkpoint_hash()
    {
        var v2 = FrameCodec.Encode(Health, 1, version: 2);
        var v3 = FrameCodec.Encode(Health with { Checkpoint = Model }, 1, version: 3);

        Assert.That(v2.Length - ProtocolLimits.HeaderSize, Is.EqualTo(1 + 2 + 10 + 8 + 8 + 2));
        Assert.That(v3.Length - v2.Length, Is.EqualTo(ContentHash.Size));
        Assert.That(v3.AsSpan(ProtocolLimits.HeaderSize, v2.Length - ProtocolLimits.HeaderSize).SequenceEqual(v2.AsSpan(ProtocolLimits.HeaderSize)), Is.True);
        Assert.That(Convert.ToHexStringLower(v3.AsSpan(v2.Length)), Is.EqualTo(Model.ToString()));
        Assert.That(FrameCodec.Encode(Health, 1, version: 1)[ProtocolLimits.HeaderSize..], Is.EqualTo(v2[ProtocolLimits.HeaderSize..]),
            "versions 1 and 2 share the layout");
    }

    [Test]
    public void A_version_3_Status_round_trips_its_checkpoint_and_an_older_one_decodes_with_none()
    {
        var withModel = Health with { Checkpoint = Model };
        Assert.That(FrameCodec.TryParse(FrameCodec.Encode(withModel, 4), out var frame, out var error), Is.True, error.ToString());
        Assert.That(frame.Header.Version, Is.EqualTo(ProtocolVersion.StatusCheckpoint));
        Assert.That(frame.TryDecode(out StatusMessage decoded, out error), Is.True, error.ToString());
        Assert.That((decoded, decoded.Checkpoint.ToString()), Is.EqualTo((withModel, Model.ToString())));

        Assert.That(FrameCodec.TryParse(FrameCodec.Encode(Health, 5, version: 2), out frame, out error), Is.True, error.ToString());
        Assert.That(frame.TryDecode(out decoded, out error), Is.True, error.ToString());
        Assert.That((decoded, decoded.Checkpoint.IsNone, decoded.UsesCheckpoint), Is.EqualTo((Health, true, false)));
    }

    [Test]
    public void A_checkpoint_cannot_be_framed_before_version_3()
    {
        foreach (ushort version in new ushort[] { 1, 2 })
            Assert.That(() => FrameCodec.Encode(Health with { Checkpoint = Model }, 1, version),
                Throws.ArgumentException.With.Message.Contains($"checkpoint {Model} needs protocol version 3, the frame is version {version}"));
    }

    [Test]
    public void A_Status_payload_of_the_other_versions_layout_or_cut_inside_the_hash_is_refused()
    {
        var v3Payload = FrameCodec.Encode(Health with { Checkpoint = Model }, 1, version: 3)[ProtocolLimits.HeaderSize..];
        var v2Payload = FrameCodec.Encode(Health, 1, version: 2)[ProtocolLimits.HeaderSize..];

        Assert.That(StatusMessage.TryRead(v3Payload, 2, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.TrailingBytes, "Status: 32 bytes after the last field")));
        Assert.That(StatusMessage.TryRead(v2Payload, 3, out _, out error), Is.False);
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.Truncated, "Status: checkpoint needs 32 bytes, only 0 are left")));
        Assert.That(StatusMessage.TryRead(v3Payload.AsSpan(0, v3Payload.Length - 1), 3, out _, out error), Is.False);
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.Truncated, "Status: checkpoint needs 32 bytes, only 31 are left")));
    }

    [Test]
    public void A_socket_that_negotiated_version_2_sends_the_version_2_Status_layout()
    {
        using var pair = new SocketPair();
        pair.Peer.Version = 2;
        Assert.That(pair.Peer.TrySend(Health, 9, out var error), Is.True, error.ToString());
        Assert.That(pair.Client.TryReceive(TimeSpan.FromSeconds(10), out var frame, out error), Is.True, error.ToString());
        Assert.That((frame.Header.Version, frame.Payload.Length), Is.EqualTo(((ushort)2, FrameCodec.GetFrameSize(Health, 2) - ProtocolLimits.HeaderSize)));
        Assert.That(frame.TryDecode(out StatusMessage decoded, out error) && decoded == Health, Is.True, error.ToString());
        Assert.That(() => pair.Peer.TrySend(Health with { Checkpoint = Model }, 10, out _), Throws.ArgumentException);
    }

    [Property(MaxTest = 300)]
    public bool ArmTake_start_and_transpose_round_trip(long start, NormalFloat semitones, ulong seed, int variation)
    {
        var message = new ArmTakeMessage(1, "p", seed, variation, ContentHash.None, start, semitones.Get % 48);
        return FrameCodec.TryParse(FrameCodec.Encode(message, 5), out var frame, out _)
            && frame.TryDecode(out ArmTakeMessage decoded, out _) && decoded == message
            && BitConverter.DoubleToInt64Bits(decoded.Transpose) == BitConverter.DoubleToInt64Bits(message.Transpose);
    }
}
