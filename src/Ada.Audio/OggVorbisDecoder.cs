using NVorbis;

namespace Ada.Audio;

/// <summary>Decodes Ogg Vorbis with NVorbis.</summary>
internal static class OggVorbisDecoder
{
    const string Codec = "Ogg Vorbis";

    public static AudioBuffer Read(Stream stream, string name) => DecoderSupport.Guard(name, Codec, () =>
    {
        using var reader = Open(stream, name);
        var samples = DecoderSupport.ReadAll(reader.ReadSamples, reader.Channels, reader.TotalSamples * reader.Channels, name);
        return new AudioBuffer(samples, reader.SampleRate, reader.Channels);
    });

    /// <summary>Uses the granule position of the last page for the length, decoding only when it is missing.</summary>
    public static AudioInfo ReadInfo(Stream stream, string name) => DecoderSupport.Guard(name, Codec, () =>
    {
        using var reader = Open(stream, name);
        long frames = reader.TotalSamples;
        if (frames <= 0)
            frames = DecoderSupport.ReadAll(reader.ReadSamples, reader.Channels, 0, name).Length / reader.Channels;
        return new AudioInfo(AudioFormat.OggVorbis, reader.SampleRate, reader.Channels, frames);
    });

    static VorbisReader Open(Stream stream, string name)
    {
        OggPageScanner.ThrowIfTruncated(stream, name);
        var reader = new VorbisReader(stream, closeOnDispose: false);
        try
        {
            DecoderSupport.CheckFormat(name, Codec, reader.SampleRate, reader.Channels);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }
}
