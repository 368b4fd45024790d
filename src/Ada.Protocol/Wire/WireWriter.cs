using System.Buffers.Binary;
using System.Text;

namespace Ada.Protocol.Wire;

/// <summary>Writes little-endian fields into a payload buffer; a caller bug (bad value, short buffer) throws.</summary>
internal ref struct WireWriter
{
    // Strict: a lone surrogate would otherwise be replaced with U+FFFD and not round-trip.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Span<byte> _buffer;
    private readonly MessageType _type;
    private int _position;

    /// <summary>Starts a payload of <paramref name="type"/>; <paramref name="problem"/> is the message's own validation result.</summary>
    public WireWriter(Span<byte> buffer, MessageType type, string? problem)
    {
        if (problem is not null) throw new ArgumentException($"Invalid {type} message: {problem}.");
        _buffer = buffer;
        _type = type;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    public void U8(byte value) => Take(1)[0] = value;

    public void Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    public void U16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    public void U32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void I32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void U64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    public void I64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void F32(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), value);

    public void F64(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    public void Hash(in ContentHash value) => value.CopyTo(Take(ContentHash.Size));

    /// <summary>u16 byte count then UTF-8 bytes.</summary>
    public void String(string value, int maxBytes, string field)
    {
        int count;
        try { count = StrictUtf8.GetByteCount(value); }
        catch (EncoderFallbackException) { throw new ArgumentException($"Invalid {_type} message: {field} is not valid UTF-16 text."); }
        if (count > maxBytes)
            throw new ArgumentException($"Invalid {_type} message: {field} is {count} UTF-8 bytes, the maximum is {maxBytes}.");
        U16((ushort)count);
        StrictUtf8.GetBytes(value, Take(count));
    }

    /// <summary>u32 count then float32 values.</summary>
    public void Floats(ReadOnlySpan<float> values)
    {
        U32((uint)values.Length);
        var bytes = Take(values.Length * sizeof(float));
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes[(i * sizeof(float))..], values[i]);
    }

    private Span<byte> Take(int count)
    {
        if (count > _buffer.Length - _position)
            throw new ArgumentException($"The {_type} payload buffer is too small: {_buffer.Length} bytes (size it with GetPayloadSize()).");
        var slice = _buffer.Slice(_position, count);
        _position += count;
        return slice;
    }
}
