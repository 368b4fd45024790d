using System.Buffers.Binary;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using Ada.Protocol.Tests.Support;

namespace Ada.Protocol.Tests.Framing;

public class FrameReaderTests
{
    private static readonly byte[] Stream = SampleMessages.All.SelectMany((c, i) => c.Encode((uint)i)).ToArray();

    [Test]
    public void Byte_by_byte_input_yields_every_frame_in_order()
    {
        var frames = Feed(new FrameReader(), Stream, _ => 1);

        Assert.That(frames.Select(f => f.Type), Is.EqualTo(SampleMessages.All.Select(c => c.Type)));
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.That(frames[i].RequestId, Is.EqualTo((uint)i));
            Assert.That(SampleMessages.All[i].DecodesToSample(frames[i], out var error), Is.True, error.ToString());
        }
    }

    [Test]
    public void Random_chunking_yields_the_same_frames()
    {
        var random = new Random(5);
        for (int round = 0; round < 50; round++)
        {
            var frames = Feed(new FrameReader(), Stream, _ => random.Next(1, 3000));
            Assert.That(frames.Select(f => f.RequestId), Is.EqualTo(Enumerable.Range(0, SampleMessages.All.Count).Select(i => (uint)i)));
        }
    }

    [Test]
    public void Many_max_size_frames_pass_through_the_fixed_buffer()
    {
        var chunk = new PrimerChunkMessage(ContentHash.None, 0, PrimerChunkMessage.MaxSamplesPerChunk, 16_000, 1,
            new float[PrimerChunkMessage.MaxSamplesPerChunk]);
        byte[] one = FrameCodec.Encode(chunk, 1);
        // As big as a frame gets: one more sample would not fit.
        Assert.That(one.Length, Is.InRange(ProtocolLimits.MaxFrameSize - sizeof(float) + 1, ProtocolLimits.MaxFrameSize));

        var frames = Feed(new FrameReader(), Enumerable.Repeat(one, 5).SelectMany(b => b).ToArray(), _ => 10_000);

        Assert.That(frames, Has.Count.EqualTo(5));
    }

    [Test]
    public void An_oversized_length_is_rejected_as_soon_as_the_header_arrives_and_the_reader_stays_faulted()
    {
        byte[] header = SampleMessages.For(MessageType.Start).Encode(1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), 1u << 31);
        var reader = new FrameReader();

        reader.Append(header.AsSpan(0, 15));
        Assert.That(reader.TryReadFrame(out _, out _), Is.EqualTo(FrameReadStatus.NeedMoreData));
        reader.Append(header.AsSpan(15));
        Assert.That(reader.TryReadFrame(out _, out var error), Is.EqualTo(FrameReadStatus.Error));
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.PayloadTooLarge));

        reader.Append(SampleMessages.For(MessageType.Stop).Encode(2));
        Assert.That(reader.TryReadFrame(out _, out error), Is.EqualTo(FrameReadStatus.Error));
        Assert.That(reader.IsFaulted, Is.True);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.PayloadTooLarge));
    }

    [Test]
    public void A_smaller_payload_limit_rejects_frames_above_it()
    {
        var reader = new FrameReader(maxPayload: 8);
        reader.Append(SampleMessages.For(MessageType.Status).Encode(1));

        Assert.That(reader.TryReadFrame(out _, out var error), Is.EqualTo(FrameReadStatus.Error));
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.PayloadTooLarge));
    }

    private static List<Frame> Feed(FrameReader reader, byte[] bytes, Func<int, int> chunkSize)
    {
        var frames = new List<Frame>();
        int offset = 0;
        while (offset < bytes.Length)
        {
            int take = Math.Min(chunkSize(offset), bytes.Length - offset);
            offset += reader.Append(bytes.AsSpan(offset, take));
            FrameReadStatus status;
            while ((status = reader.TryReadFrame(out var frame, out var error)) == FrameReadStatus.Frame) frames.Add(frame);
            Assert.That(status, Is.EqualTo(FrameReadStatus.NeedMoreData));
        }
        Assert.That(reader.BufferedBytes, Is.Zero);
        return frames;
    }
}
