namespace Ada.Audio;

/// <summary>Entry point for reading and writing audio files; the format is detected from content, never from the extension.</summary>
public static class AudioFile
{
    /// <summary>Identifies a file's format from its first bytes.</summary>
    public static AudioFormat DetectFormat(string path)
    {
        using var stream = OpenRead(path);
        return DetectFormat(stream, path);
    }

    /// <summary>Decodes a WAV, Ogg Vorbis or MP3 file completely.</summary>
    public static AudioBuffer Read(string path)
    {
        using var stream = OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Decodes a seekable stream positioned at the start of a WAV, Ogg Vorbis or MP3 file; <paramref name="name"/> prefixes errors.</summary>
    public static AudioBuffer Read(Stream stream, string name) => DetectFormat(stream, name) switch
    {
        AudioFormat.Wav => WavReader.Read(stream, name),
        AudioFormat.OggVorbis => OggVorbisDecoder.Read(stream, name),
        _ => Mp3Decoder.Read(stream, name),
    };

    /// <summary>Rate, channels and length from the headers (WAV, Ogg) or frame headers (MP3), without decoding the samples.</summary>
    public static AudioInfo ReadInfo(string path)
    {
        using var stream = OpenRead(path);
        return DetectFormat(stream, path) switch
        {
            AudioFormat.Wav => WavReader.ReadInfo(stream, path),
            AudioFormat.OggVorbis => OggVorbisDecoder.ReadInfo(stream, path),
            _ => Mp3Decoder.ReadInfo(stream, path),
        };
    }

    /// <summary>Reads a file, averages its channels and resamples to <paramref name="targetRate"/>: (T,) at targetRate.</summary>
    public static float[] ReadMono(string path, int targetRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        var mono = Read(path).ToMono();
        return Resampler.Resample(mono.Samples, mono.SampleRate, targetRate);
    }

    /// <summary>Writes a buffer as WAV atomically (temporary file, then rename).</summary>
    public static void WriteWav(string path, AudioBuffer audio, WavEncoding encoding = WavEncoding.Pcm16, bool overwrite = true) =>
        WavWriter.Write(path, audio, encoding, overwrite);

    /// <summary>Opens a file for reading with a not-found message that leads with the path.</summary>
    internal static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
    }

    static AudioFormat DetectFormat(Stream stream, string name)
    {
        long start = stream.Position;
        var head = new byte[AudioFormatDetector.HeadLength];
        int length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Seek(start, SeekOrigin.Begin);
        return AudioFormatDetector.Detect(head.AsSpan(0, length), name);
    }
}
