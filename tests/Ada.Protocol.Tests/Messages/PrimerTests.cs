using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Protocol.Tests.Messages;

public class PrimerTests
{
    private const int Channels = 2;
    private const int Rate = 16_000;

    [Test]
    public void A_long_primer_splits_into_frames_below_the_limit_and_reassembles_exactly()
    {
        float[] primer = Ramp(100_003 * Channels);
        var chunks = PrimerChunker.Split(primer, Channels, Rate);
        var assembler = new PrimerAssembler(maxFrames: 1_000_000);

        foreach (var chunk in chunks)
        {
            byte[] frame = FrameCodec.Encode(chunk, 1);
            Assert.That(frame.Length, Is.LessThanOrEqualTo(ProtocolLimits.MaxFrameSize));
            FrameCodec.TryParse(frame, out var parsed, out _);
            Assert.That(parsed.TryDecode(out PrimerChunkMessage received, out var error), Is.True, error.ToString());
            Assert.That(assembler.TryAdd(received, out error), Is.True, error.ToString());
        }

        int perChunk = PrimerChunkMessage.MaxFramesPerChunk(Channels);
        Assert.That(chunks, Has.Length.EqualTo((100_003 + perChunk - 1) / perChunk));
        Assert.That(assembler.IsComplete, Is.True);
        Assert.That(assembler.Hash, Is.EqualTo(ContentHash.OfSamples(primer, Channels, Rate)));
        Assert.That(assembler.Samples.ToArray(), Is.EqualTo(primer));
    }

    [Test]
    public void A_chunk_out_of_order_is_refused()
    {
        var chunks = PrimerChunker.Split(Ramp(40_000 * Channels), Channels, Rate);
        var assembler = new PrimerAssembler(1_000_000);

        Assert.That(assembler.TryAdd(chunks[0], out _), Is.True);
        Assert.That(assembler.TryAdd(chunks[2], out var error), Is.False);
        Assert.That(error.Message, Does.Contain($"expected {chunks[1].OffsetFrames}"));
    }

    [Test]
    public void Tampered_samples_fail_the_hash_check()
    {
        var chunks = PrimerChunker.Split(Ramp(1000 * Channels), Channels, Rate);
        chunks[0].Samples[7] += 1f;
        var assembler = new PrimerAssembler(1_000_000);

        Assert.That(assembler.TryAdd(chunks[0], out var error), Is.False);
        Assert.That(error.Message, Does.Contain("hashes to"));
        Assert.That(assembler.IsComplete, Is.False);
    }

    [Test]
    public void A_primer_above_the_frame_limit_is_refused_before_allocating()
    {
        var chunks = PrimerChunker.Split(Ramp(500 * Channels), Channels, Rate);

        Assert.That(new PrimerAssembler(maxFrames: 499).TryAdd(chunks[0], out var error), Is.False);
        Assert.That(error.Message, Does.Contain("exceeds the limit of 499"));
    }

    private static float[] Ramp(int samples) => Enumerable.Range(0, samples).Select(i => (i % 1000) / 1000f - 0.5f).ToArray();
}
