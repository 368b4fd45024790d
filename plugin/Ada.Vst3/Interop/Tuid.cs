using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>A 16-byte VST3 interface or class id (Steinberg's TUID), in the byte order of the platform's INLINE_UID.</summary>
[InlineArray(16)]
public struct Tuid : IEquatable<Tuid>
{
    private byte _first;

    /// <summary>
    /// Builds an id from the four 32-bit words that the SDK headers pass to DECLARE_CLASS_IID.
    /// Windows is COM-compatible (GUID layout: first word little-endian, second as two little-endian halves);
    /// every other platform stores all four words big-endian.
    /// </summary>
    public static Tuid FromLongs(uint l1, uint l2, uint l3, uint l4)
    {
        var id = new Tuid();
        Span<byte> b = id;
        if (OperatingSystem.IsWindows())
        {
            b[0] = (byte)l1; b[1] = (byte)(l1 >> 8); b[2] = (byte)(l1 >> 16); b[3] = (byte)(l1 >> 24);
            b[4] = (byte)(l2 >> 16); b[5] = (byte)(l2 >> 24); b[6] = (byte)l2; b[7] = (byte)(l2 >> 8);
        }
        else
        {
            WriteBigEndian(b, l1);
            WriteBigEndian(b[4..], l2);
        }
        WriteBigEndian(b[8..], l3);
        WriteBigEndian(b[12..], l4);
        return id;
    }

    /// <summary>Parses the 32 hex digits that <see cref="ToString"/> prints (the form Ardour uses as a plug-in's unique id).</summary>
    public static Tuid Parse(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        if (bytes.Length != 16)
        {
            throw new FormatException($"A TUID has 16 bytes (32 hex digits); '{hex}' has {bytes.Length}.");
        }
        var id = new Tuid();
        bytes.CopyTo((Span<byte>)id);
        return id;
    }

    /// <summary>Reads an id from native memory (the host passes ids as plain 16-byte arrays).</summary>
    public static unsafe Tuid Read(void* source) => Unsafe.ReadUnaligned<Tuid>(source);

    /// <inheritdoc />
    public readonly bool Equals(Tuid other) => AsBytes(in this).SequenceEqual(AsBytes(in other));

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is Tuid other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => BitConverter.ToInt32(AsBytes(in this));

    /// <summary>The 32 upper-case hex digits of the 16 bytes in memory order (Steinberg's FUID::toString).</summary>
    public override readonly string ToString() => Convert.ToHexString(AsBytes(in this));

    private static ReadOnlySpan<byte> AsBytes(in Tuid id) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Tuid, byte>(ref Unsafe.AsRef(in id)), 16);

    private static void WriteBigEndian(Span<byte> destination, uint value)
    {
        destination[0] = (byte)(value >> 24);
        destination[1] = (byte)(value >> 16);
        destination[2] = (byte)(value >> 8);
        destination[3] = (byte)value;
    }
}
