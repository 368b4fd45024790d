namespace Ada.Protocol.Messages;

/// <summary>Splits a primer snapshot into <see cref="PrimerChunkMessage"/>s that each fit in one frame.</summary>
public static class PrimerChunker
{
    /// <summary>The chunks of <paramref name="interleaved"/> (frames, channels), in order, all carrying the primer's hash.</summary>
    public static PrimerChunkMessage[] Split(ReadOnlySpan<float> interleaved, int channels, int sampleRate)
    {
        if (channels is < 1 or > ProtocolLimits.MaxChannels)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"Primer channels must be 1..{ProtocolLimits.MaxChannels}.");
        if (interleaved.IsEmpty || interleaved.Length % channels != 0)
            throw new ArgumentException($"A primer needs a positive whole number of {channels}-channel frames, got {interleaved.Length} samples.", nameof(interleaved));
        var hash = ContentHash.OfSamples(interleaved, channels, sampleRate);
        long totalFrames = interleaved.Length / channels;
        int framesPerChunk = PrimerChunkMessage.MaxFramesPerChunk(channels);
        var chunks = new PrimerChunkMessage[(int)((totalFrames + framesPerChunk - 1) / framesPerChunk)];
        for (int i = 0; i < chunks.Length; i++)
        {
            long offset = (long)i * framesPerChunk;
            int frames = (int)Math.Min(framesPerChunk, totalFrames - offset);
            var samples = interleaved.Slice((int)offset * channels, frames * channels).ToArray();
            chunks[i] = new PrimerChunkMessage(hash, offset, totalFrames, (uint)sampleRate, (ushort)channels, samples);
        }
        return chunks;
    }
}
