using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Ada.Protocol;

/// <summary>A SHA-256 digest (checkpoint, primer) as a 32-byte value; all zeros means "none".</summary>
public readonly record struct ContentHash
{
    /// <summary>Bytes in a digest.</summary>
    public const int Size = 32;

    // Four big-endian words keep byte order = hex order, so ToString needs no reordering logic.
    private readonly ulong _w0, _w1, _w2, _w3;

    /// <summary>Wraps exactly <see cref="Size"/> digest bytes.</summary>
    public ContentHash(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Size)
            throw new ArgumentException($"A content hash is {Size} bytes, got {digest.Length}.", nameof(digest));
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(digest);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(digest[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(digest[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(digest[24..]);
    }

    /// <summary>The "no hash" value.</summary>
    public static ContentHash None => default;

    /// <summary>True for the "no hash" value.</summary>
    public bool IsNone => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        SHA256.HashData(data, digest);
        return new ContentHash(digest);
    }

    /// <summary>
    /// The primer hash: SHA-256 over channels (u32 LE), sample rate (u32 LE) and the interleaved float32
    /// samples (LE), so the same audio at another rate or layout is a different primer.
    /// </summary>
    public static ContentHash OfSamples(ReadOnlySpan<float> interleaved, int channels, int sampleRate)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Primer hashing assumes a little-endian CPU.");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> format = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(format, (uint)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(format[4..], (uint)sampleRate);
        sha.AppendData(format);
        sha.AppendData(MemoryMarshal.AsBytes(interleaved));
        Span<byte> digest = stackalloc byte[Size];
        sha.GetHashAndReset(digest);
        return new ContentHash(digest);
    }

    /// <summary>Copies the 32 digest bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>Parses 64 hex digits (either case), the form the dataset manifests use.</summary>
    public static bool TryParse(string? hex, out ContentHash hash)
    {
        hash = default;
        if (hex is null || hex.Length != 2 * Size) return false;
        Span<byte> digest = stackalloc byte[Size];
        if (Convert.FromHexString(hex, digest, out _, out int written) != System.Buffers.OperationStatus.Done || written != Size)
            return false;
        hash = new ContentHash(digest);
        return true;
    }

    /// <summary>Lower-case hex, 64 characters.</summary>
    public override string ToString()
    {
        Span<byte> digest = stackalloc byte[Size];
        CopyTo(digest);
        return Convert.ToHexStringLower(digest);
    }
}
