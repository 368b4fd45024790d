using System.Buffers.Binary;
using System.Security.Cryptography;
using Ada.Protocol;

namespace Ada.Service.Takes;

/// <summary>
/// One cached chunk of a take on disk: an 88-byte header (magic 'ADAK' u32, version u32, chunk size u32, chunk index u32,
/// class count u32, reserved u32, take id 32 bytes, SHA-256 of the classes 32 bytes), then the mu-law classes (one byte each).
/// Written to a temp name and renamed; a file that does not check out in every field is treated as missing.
/// </summary>
internal static class ChunkFile
{
    private const uint Magic = 0x4B41_4441; // 'A','D','A','K' as a little-endian u32.
    private const uint Version = 1;
    private const int HeaderSize = 24 + 2 * ContentHash.Size;

    /// <summary>Bytes of the file of a chunk of <paramref name="classes"/> classes.</summary>
    public static long Size(int classes) => HeaderSize + (long)classes;

    /// <summary>Writes <paramref name="classes"/> as chunk <paramref name="index"/> of take <paramref name="take"/> at <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, ContentHash take, int chunkSamples, int index, ReadOnlySpan<byte> classes)
    {
        var bytes = new byte[HeaderSize + classes.Length];
        WriteHeader(bytes, take, chunkSamples, index, classes);
        classes.CopyTo(bytes.AsSpan(HeaderSize));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.tmp-{Environment.ProcessId}-{Random.Shared.Next():x8}";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // No-op after the rename.
        }
    }

    /// <summary>
    /// Reads chunk <paramref name="index"/> of <paramref name="take"/> into <paramref name="destination"/> (exactly its length);
    /// false when the file is missing, truncated, from another take or chunk size, or its checksum is wrong.
    /// </summary>
    public static bool TryRead(string path, ContentHash take, int chunkSamples, int index, Span<byte> destination)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length != HeaderSize + destination.Length) return false;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        if (bytes.Length != HeaderSize + destination.Length) return false;
        var classes = bytes.AsSpan(HeaderSize);
        Span<byte> expected = stackalloc byte[HeaderSize];
        WriteHeader(expected, take, chunkSamples, index, classes);
        if (!expected.SequenceEqual(bytes.AsSpan(0, HeaderSize))) return false;
        classes.CopyTo(destination);
        return true;
    }

    private static void WriteHeader(Span<byte> header, ContentHash take, int chunkSamples, int index, ReadOnlySpan<byte> classes)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], chunkSamples);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], index);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], classes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 0);
        take.CopyTo(header[24..]);
        SHA256.HashData(classes, header[(24 + ContentHash.Size)..]);
    }
}
