using NLayer;

namespace Ada.Audio;

/// <summary>Decodes MPEG audio (layers I–III) with NLayer, which trims the LAME encoder delay and padding.</summary>
internal static class Mp3Decoder
{
    const string Codec = "MP3";

    public static AudioBuffer Read(Stream stream, string name) => DecoderSupport.Guard(name, Codec, () =>
    {
        using var file = Open(stream, name);
        var samples = DecoderSupport.ReadAll(file.ReadSamples, file.Channels, file.Length / sizeof(float), name);
        return new AudioBuffer(samples, file.SampleRate, file.Channels);
    });

    /// <summary>Counts frames from the MPEG frame headers (or the Xing/LAME tag) without decoding them.</summary>
    public static AudioInfo ReadInfo(Stream stream, string name) => DecoderSupport.Guard(name, Codec, () =>
    {
        using var file = Open(stream, name);
        long frames = file.Length / sizeof(float) / file.Channels;
        if (frames <= 0)
            throw new AudioFormatException(name, "no samples: no MPEG audio frames found");
        return new AudioInfo(AudioFormat.Mp3, file.SampleRate, file.Channels, frames);
    });

    static MpegFile Open(Stream stream, string name)
    {
        var file = new MpegFile(stream);
        try
        {
            DecoderSupport.CheckFormat(name, Codec, file.SampleRate, file.Channels);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
