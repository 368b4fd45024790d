using System.Text;

namespace Ada.Protocol.Wire;

/// <summary>Encoded sizes of variable-length fields, so GetPayloadSize() matches what WireWriter writes.</summary>
internal static class WireSize
{
    /// <summary>u16 length prefix plus the UTF-8 bytes (a null string counts as empty; the writer rejects it).</summary>
    public static int String(string? value) => sizeof(ushort) + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));

    /// <summary>u32 count prefix plus the float32 values.</summary>
    public static int Floats(int count) => sizeof(uint) + count * sizeof(float);
}
