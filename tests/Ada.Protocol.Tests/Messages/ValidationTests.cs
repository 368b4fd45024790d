using System.Buffers.Binary;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Protocol.Tests.Messages;

/// <summary>Invalid values are refused on both sides: the writer throws, the parser returns a failure.</summary>
public class ValidationTests
{
    [Test]
    public void Writer_refuses_out_of_range_fields_naming_them()
    {
        Assert.That(() => FrameCodec.Encode(new MidiEventMessage(0, 128, 0.5f, true, 0), 1),
            Throws.ArgumentException.With.Message.Contains("note 128"));
        Assert.That(() => FrameCodec.Encode(new SetParameterMessage(1, double.NaN), 1),
            Throws.ArgumentException.With.Message.Contains("value"));
        Assert.That(() => FrameCodec.Encode(new HelloMessage(3, 2, ClientKind.Plugin, "x", 1, 0, 0), 1),
            Throws.ArgumentException.With.Message.Contains("version range"));
        Assert.That(() => FrameCodec.Encode(new ErrorMessage(ErrorCode.Internal, new string('x', ProtocolLimits.MaxMessageBytes + 1)), 1),
            Throws.ArgumentException.With.Message.Contains("message is 2049 UTF-8 bytes"));
        Assert.That(() => FrameCodec.Encode(new HelloReplyMessage(1, "ok", "bad \ud800 surrogate"), 1),
            Throws.ArgumentException.With.Message.Contains("device is not valid UTF-16"));
    }

    [Test]
    public void Parser_refuses_a_boolean_byte_other_than_0_or_1()
    {
        byte[] payload = Payload(new TransportMessage(true, 120, 0, 0, 4, 4, 48_000));
        payload[0] = 2;

        Assert.That(TransportMessage.TryRead(payload, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.InvalidValue));
        Assert.That(error.Message, Does.Contain("playing"));
    }

    [Test]
    public void Parser_refuses_out_of_range_values_the_writer_would_refuse()
    {
        byte[] payload = Payload(new MidiEventMessage(0, 60, 0.5f, true, 3));
        payload[8] = 200; // note

        Assert.That(MidiEventMessage.TryRead(payload, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.InvalidValue, "MidiEvent: note 200 is above 127")));
    }

    [Test]
    public void Parser_refuses_an_unknown_enum_value()
    {
        byte[] payload = Payload(new ErrorMessage(ErrorCode.Busy, "x"));
        BinaryPrimitives.WriteUInt16LittleEndian(payload, 999);

        Assert.That(ErrorMessage.TryRead(payload, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.InvalidValue));
    }

    [Test]
    public void Parser_refuses_a_string_length_above_the_field_maximum_before_reading_it()
    {
        // Declared length 5000 > MaxNameBytes, with only a few bytes present: must say too long, not truncated.
        byte[] payload = new byte[5];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, 1); // version
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(2), 5000); // service version length
        payload[4] = (byte)'a';

        Assert.That(HelloReplyMessage.TryRead(payload, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.StringTooLong));
        Assert.That(error.Message, Does.Contain("service version declares 5000 bytes"));
    }

    [Test]
    public void Parser_refuses_invalid_utf8()
    {
        byte[] payload = Payload(new ErrorMessage(ErrorCode.Busy, "ab"));
        payload[^1] = 0xC3; // a lead byte with no continuation

        Assert.That(ErrorMessage.TryRead(payload, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.InvalidUtf8));
    }

    [Test]
    public void Parser_refuses_trailing_bytes()
    {
        byte[] payload = [.. Payload(new SeekMessage(5)), 0];

        Assert.That(SeekMessage.TryRead(payload, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.TrailingBytes));
    }

    [Test]
    public void Parser_refuses_a_sample_count_larger_than_the_bytes_left_without_allocating_it()
    {
        var chunk = new PrimerChunkMessage(ContentHash.None, 0, 1, 16_000, 1, [0.5f]);
        byte[] payload = Payload(chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(payload.Length - 8), uint.MaxValue);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = PrimerChunkMessage.TryRead(payload, out _, out var error);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(ok, Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.Truncated));
        Assert.That(allocated, Is.LessThan(4096), "a 16 GiB sample array must not be allocated");
    }

    [Test]
    public void Primer_chunk_must_fit_inside_its_primer()
    {
        Assert.That(() => FrameCodec.Encode(new PrimerChunkMessage(ContentHash.None, 5, 6, 16_000, 1, [1f, 2f]), 1),
            Throws.ArgumentException.With.Message.Contains("do not fit"));
        Assert.That(() => FrameCodec.Encode(new PrimerChunkMessage(ContentHash.None, 0, 2, 16_000, 2, [1f, 2f, 3f]), 1),
            Throws.ArgumentException.With.Message.Contains("not a positive multiple of 2 channels"));
    }

    private static byte[] Payload<T>(T message) where T : struct, IProtocolMessage<T>
    {
        var payload = new byte[message.GetPayloadSize()];
        Assert.That(message.Write(payload), Is.EqualTo(payload.Length));
        return payload;
    }
}
