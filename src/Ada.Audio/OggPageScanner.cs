namespace Ada.Audio;

/// <summary>Walks Ogg page headers to catch a file cut inside a page, which NVorbis silently decodes as shorter (or empty).</summary>
internal static class OggPageScanner
{
    const int HeaderLength = 27;

    /// <summary>Throws <see cref="AudioFormatException"/> when the stream ends inside a page; stops quietly at anything that is not a page.</summary>
    public static void ThrowIfTruncated(Stream stream, string name)
    {
        long origin = stream.Position;
        long length = stream.Length - origin;
        Span<byte> header = stackalloc byte[HeaderLength];
        Span<byte> lacing = stackalloc byte[255];
        long pos = 0;
        while (pos < length)
        {
            stream.Seek(origin + pos, SeekOrigin.Begin);
            int got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
            if (got < 4 || !header.StartsWith("OggS"u8))
                break;
            if (got < HeaderLength)
                throw Truncated(name, pos, "page header", HeaderLength, got);
            int segments = header[26];
            got = stream.ReadAtLeast(lacing[..segments], segments, throwOnEndOfStream: false);
            if (got < segments)
                throw Truncated(name, pos, "segment table", segments, got);
            int body = 0;
            foreach (byte b in lacing[..segments])
                body += b;
            long available = length - (pos + HeaderLength + segments);
            if (body > available)
                throw Truncated(name, pos, "page body", body, available);
            pos += HeaderLength + segments + body;
        }
        stream.Seek(origin, SeekOrigin.Begin);
    }

    static AudioFormatException Truncated(string name, long pos, string part, long needed, long available) =>
        new(name, $"truncated data: the Ogg page at offset {pos} needs {needed} bytes of {part} but only {available} remain");
}
