namespace Ada.Audio;

/// <summary>Recognises WAV, Ogg Vorbis and MP3 by their magic bytes, never by file extension.</summary>
public static class AudioFormatDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at (enough for an Ogg page with 255 lacing values).</summary>
    public const int HeadLength = 27 + 255 + 7;

    /// <summary>Identifies the format from the first bytes of a file; throws <see cref="AudioFormatException"/> when it is none of the supported ones.</summary>
    /// <param name="head">The first up to <see cref="HeadLength"/> bytes of the file (fewer when the file is shorter).</param>
    /// <param name="path">The file name, used in error messages.</param>
    public static AudioFormat Detect(ReadOnlySpan<byte> head, string path)
    {
        if (head.Length == 0)
            throw new AudioFormatException(path, "empty file (zero length)");
        if (head.StartsWith("RIFF"u8))
            return DetectRiff(head, path);
        if (head.StartsWith("RIFX"u8) || head.StartsWith("RF64"u8))
            throw new AudioFormatException(path, $"unsupported WAV variant '{AsciiText.Printable(head[..4])}' (only little-endian RIFF/WAVE is supported)");
        if (head.StartsWith("OggS"u8))
            return DetectOgg(head, path);
        if (head.StartsWith("ID3"u8) || IsMpegFrameHeader(head))
            return AudioFormat.Mp3;
        if (head.Length < 4)
            throw new AudioFormatException(path, $"truncated header: file has only {head.Length} bytes, too short for a WAV/OGG/MP3 file");
        throw new AudioFormatException(path, $"not a WAV/OGG/MP3 file (unknown header bytes {Convert.ToHexString(head[..4])})");
    }

    static AudioFormat DetectRiff(ReadOnlySpan<byte> head, string path)
    {
        if (head.Length < 12)
            throw new AudioFormatException(path, $"truncated header: RIFF file has only {head.Length} bytes, a WAV header needs 12");
        if (!head[8..12].SequenceEqual("WAVE"u8))
            throw new AudioFormatException(path, $"not a WAV file: RIFF form type is '{AsciiText.Printable(head[8..12])}', expected 'WAVE'");
        return AudioFormat.Wav;
    }

    // The first Ogg page (27-byte header + lacing table) carries the codec's identification packet.
    static AudioFormat DetectOgg(ReadOnlySpan<byte> head, string path)
    {
        if (head.Length < 27)
            throw new AudioFormatException(path, $"truncated header: Ogg file has only {head.Length} bytes, a page header needs 27");
        int packetStart = 27 + head[26];
        if (head.Length < packetStart + 7)
            throw new AudioFormatException(path, "truncated header: the first Ogg page ends before the codec identification packet");
        var packet = head[packetStart..];
        if (packet[0] == 1 && packet[1..7].SequenceEqual("vorbis"u8))
            return AudioFormat.OggVorbis;
        var start = packet[..Math.Min(8, packet.Length)];
        throw new AudioFormatException(path, $"unsupported Ogg codec (identification packet starts with '{AsciiText.Printable(start)}'; only Vorbis is supported)");
    }

    // 11 sync bits, then a valid version (not the reserved 01), layer (not 00), bitrate (not 1111) and sample rate (not 11).
    static bool IsMpegFrameHeader(ReadOnlySpan<byte> head) =>
        head.Length >= 4
        && head[0] == 0xFF
        && (head[1] & 0xE0) == 0xE0
        && ((head[1] >> 3) & 3) != 1
        && ((head[1] >> 1) & 3) != 0
        && (head[2] >> 4) != 0xF
        && ((head[2] >> 2) & 3) != 3;
}
