using System.Buffers.Binary;
using Ada.Protocol.Rings;

namespace Ada.Protocol.Tests.Support;

/// <summary>Pokes raw values into a ring file, the way a buggy or hostile peer would.</summary>
public static class RingFile
{
    public static void PokeU32(string path, int offset, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Poke(path, offset, bytes);
    }

    public static void PokeU64(string path, int offset, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        Poke(path, offset, bytes);
    }

    public static RingOptions Options(TempDirectory dir, string prefix = "test", int channels = 2, int capacity = 64) =>
        new(prefix, channels, 16_000, capacity) { Directory = dir.Path, TakeId = 7 };

    /// <summary>Opens a ring that must be valid.</summary>
    public static RingReader Open(string path)
    {
        Assert.That(RingReader.TryOpen(path, out var reader, out var error), Is.True, error.ToString());
        return reader!;
    }

    private static void Poke(string path, int offset, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(handle, bytes, offset);
    }
}
