using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Ada.Protocol.Wire;

/// <summary>
/// Bounds-checked little-endian reads from an untrusted payload. The first failure is kept and every later
/// read returns a default value, so a message's TryRead can read all fields in one expression and check once.
/// </summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly MessageType _type;
    private int _position;
    private ProtocolError _error;

    public WireReader(ReadOnlySpan<byte> buffer, MessageType type)
    {
        _buffer = buffer;
        _type = type;
        _error = ProtocolError.None;
    }

    public readonly bool Failed => _error.IsError;

    public byte U8(string field) => Take(1, field) is { Length: 1 } b ? b[0] : (byte)0;

    /// <summary>Only 0 and 1 are accepted, so every accepted payload re-encodes to the same bytes.</summary>
    public bool Bool(string field)
    {
        byte value = U8(field);
        if (value > 1) Fail(ProtocolErrorCode.InvalidValue, $"{field} is {value}, a boolean must be 0 or 1");
        return value == 1;
    }

    public ushort U16(string field) => Take(2, field) is { Length: 2 } b ? BinaryPrimitives.ReadUInt16LittleEndian(b) : (ushort)0;

    public uint U32(string field) => Take(4, field) is { Length: 4 } b ? BinaryPrimitives.ReadUInt32LittleEndian(b) : 0u;

    public int I32(string field) => Take(4, field) is { Length: 4 } b ? BinaryPrimitives.ReadInt32LittleEndian(b) : 0;

    public ulong U64(string field) => Take(8, field) is { Length: 8 } b ? BinaryPrimitives.ReadUInt64LittleEndian(b) : 0ul;

    public long I64(string field) => Take(8, field) is { Length: 8 } b ? BinaryPrimitives.ReadInt64LittleEndian(b) : 0L;

    public float F32(string field) => Take(4, field) is { Length: 4 } b ? BinaryPrimitives.ReadSingleLittleEndian(b) : 0f;

    public double F64(string field) => Take(8, field) is { Length: 8 } b ? BinaryPrimitives.ReadDoubleLittleEndian(b) : 0d;

    public ContentHash Hash(string field) =>
        Take(ContentHash.Size, field) is { Length: ContentHash.Size } b ? new ContentHash(b) : ContentHash.None;

    /// <summary>u16 byte count (checked against <paramref name="maxBytes"/> before anything is read) then UTF-8.</summary>
    public string String(int maxBytes, string field)
    {
        int count = U16(field);
        if (Failed) return "";
        if (count > maxBytes)
        {
            Fail(ProtocolErrorCode.StringTooLong, $"{field} declares {count} bytes, the maximum is {maxBytes}");
            return "";
        }
        var bytes = Take(count, field);
        if (Failed) return "";
        if (!Utf8.IsValid(bytes))
        {
            Fail(ProtocolErrorCode.InvalidUtf8, $"{field} is not valid UTF-8");
            return "";
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>u32 count (checked against the bytes left before allocating) then float32 values.</summary>
    public float[] Floats(string field)
    {
        uint count = U32(field);
        if (Failed) return [];
        if (count > (uint)(Remaining / sizeof(float)))
        {
            Fail(ProtocolErrorCode.Truncated, $"{field} declares {count} samples, only {Remaining} bytes are left");
            return [];
        }
        var bytes = Take((int)count * sizeof(float), field);
        var values = new float[count];
        for (int i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        return values;
    }

    /// <summary>
    /// Ends the payload: fails on trailing bytes or on the message's own validation <paramref name="problem"/>,
    /// and hands out <paramref name="value"/> only when everything succeeded.
    /// </summary>
    public bool Finish<T>(in T value, string? problem, out T message, out ProtocolError error) where T : struct
    {
        if (!Failed && _position != _buffer.Length)
            Fail(ProtocolErrorCode.TrailingBytes, $"{_buffer.Length - _position} bytes after the last field");
        if (!Failed && problem is not null)
            Fail(ProtocolErrorCode.InvalidValue, problem);
        message = Failed ? default : value;
        error = _error;
        return !Failed;
    }

    private readonly int Remaining => _buffer.Length - _position;

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (Failed) return default;
        if (count > Remaining)
        {
            Fail(ProtocolErrorCode.Truncated, $"{field} needs {count} bytes, only {Remaining} are left");
            return default;
        }
        var slice = _buffer.Slice(_position, count);
        _position += count;
        return slice;
    }

    private void Fail(ProtocolErrorCode code, string description)
    {
        if (!Failed) _error = new ProtocolError(code, $"{_type}: {description}");
    }
}
