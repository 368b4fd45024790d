using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace AdaPlugin;

/// <summary>
/// The versioned binary state blob (little-endian):
/// <code>
/// 0   "ADAS"                      magic
/// 4   u16 version (2), u16 0       reserved
/// 8   u32 N                        payload length
/// 12  payload (N bytes): str presetName, u64 seed, str checkpointHash, u16 count, count × (u32 id, f64 plain),
///     and from version 2: u32 primer frames F (0 = none), u32 primer rate, F × 2 f32 (interleaved stereo),
///     u64 × 2 played keys (bit k = MIDI key k, low word first)
/// 12+N u64 FNV-1a of bytes [0, 12+N)
/// </code>
/// Version 1 blobs (no primer) still load.
/// str = u16 byte length + UTF-8. The blob is self-delimiting because hosts such as Ardour hand setState a stream
/// that continues past it (their own chunk list follows).
/// </summary>
public static class AdaStateSerializer
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderSize = 12;

    /// <summary>The version this build writes and reads.</summary>
    public const ushort Version = 2;

    /// <summary>The oldest version this build reads.</summary>
    public const ushort OldestVersion = 1;

    /// <summary>Longest primer a state holds (seconds at 192 kHz bound the payload).</summary>
    public const int MaxPrimerFrames = 192_000 * 21;

    private const int ChecksumSize = 8;
    private const int MaxPayload = 64 * 1024 + 8 + MaxPrimerFrames * 2 * 4;
    private const int MaxStringBytes = 1024;
    private static ReadOnlySpan<byte> Magic => "ADAS"u8;

    /// <summary>The complete blob for <paramref name="state"/>.</summary>
    public static byte[] Write(AdaState state)
    {
        var payload = new List<byte>();
        AppendString(payload, state.PresetName, "preset name");
        AppendU64(payload, state.Seed);
        AppendString(payload, state.CheckpointHash, "checkpoint hash");
        if (state.PlainValues.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"state has {state.PlainValues.Count} parameter values; at most {ushort.MaxValue} fit", nameof(state));
        }
        AppendU16(payload, (ushort)state.PlainValues.Count);
        foreach (var (id, value) in state.PlainValues.OrderBy(kv => kv.Key))
        {
            AppendU32(payload, id);
            AppendU64(payload, BitConverter.DoubleToUInt64Bits(value));
        }
        AppendPrimer(payload, state.Primer);
        AppendU64(payload, (ulong)state.PlayedKeys);
        AppendU64(payload, (ulong)(state.PlayedKeys >> 64));

        var blob = new byte[HeaderSize + payload.Count + ChecksumSize];
        Magic.CopyTo(blob);
        BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(4), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(8), (uint)payload.Count);
        payload.CopyTo(blob, HeaderSize);
        var end = HeaderSize + payload.Count;
        BinaryPrimitives.WriteUInt64LittleEndian(blob.AsSpan(end), Fnv1a(blob.AsSpan(0, end)));
        return blob;
    }

    /// <summary>From the first <see cref="HeaderSize"/> bytes: the blob's total size, or why the header is unusable.</summary>
    public static bool TryGetTotalSize(ReadOnlySpan<byte> header, out int totalSize, out string problem)
    {
        totalSize = 0;
        if (header.Length < HeaderSize)
        {
            problem = $"state is {header.Length} bytes, shorter than the {HeaderSize}-byte header";
            return false;
        }
        if (!header[..4].SequenceEqual(Magic))
        {
            problem = $"state magic is {Convert.ToHexString(header[..4])}, expected {Convert.ToHexString(Magic)} (\"ADAS\")";
            return false;
        }
        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version is < OldestVersion or > Version)
        {
            problem = $"state version {version} is unknown (this build reads versions {OldestVersion}..{Version})";
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (length > MaxPayload)
        {
            problem = $"state payload length {length} exceeds the {MaxPayload}-byte limit";
            return false;
        }
        totalSize = HeaderSize + (int)length + ChecksumSize;
        problem = "";
        return true;
    }

    /// <summary>Parses a complete blob; on failure <paramref name="problem"/> says which field is wrong and why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> blob, out AdaState state, out string problem)
    {
        state = AdaState.Defaults;
        if (!TryGetTotalSize(blob, out var total, out problem))
        {
            return false;
        }
        if (blob.Length < total)
        {
            problem = $"state is truncated: {blob.Length} of {total} bytes";
            return false;
        }
        var end = total - ChecksumSize;
        var stored = BinaryPrimitives.ReadUInt64LittleEndian(blob[end..]);
        var actual = Fnv1a(blob[..end]);
        if (stored != actual)
        {
            problem = $"state checksum mismatch: stored {stored:X16}, computed {actual:X16}";
            return false;
        }
        var reader = new PayloadReader(blob[HeaderSize..end]);
        if (!reader.TryString(out var preset, "preset name", out problem)
            || !reader.TryU64(out var seed, "seed", out problem)
            || !reader.TryString(out var hash, "checkpoint hash", out problem)
            || !reader.TryU16(out var count, "value count", out problem))
        {
            return false;
        }
        var values = new Dictionary<uint, double>(count);
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryU32(out var id, $"value {i} id", out problem) || !reader.TryU64(out var bits, $"value {i}", out problem))
            {
                return false;
            }
            var value = BitConverter.UInt64BitsToDouble(bits);
            if (!double.IsFinite(value))
            {
                problem = $"state value of parameter {id} is {value}, not a finite number";
                return false;
            }
            values[id] = value;
        }
        PrimerSnapshot? primer = null;
        ulong keysLow = 0, keysHigh = 0;
        if (BinaryPrimitives.ReadUInt16LittleEndian(blob[4..]) >= 2
            && (!reader.TryPrimer(out primer, out problem)
                || !reader.TryU64(out keysLow, "played keys", out problem)
                || !reader.TryU64(out keysHigh, "played keys", out problem)))
        {
            return false;
        }
        if (!reader.AtEnd)
        {
            problem = $"state payload has {reader.Remaining} unread bytes after the values";
            return false;
        }
        state = new AdaState(preset, seed, hash, values, primer, new UInt128(keysHigh, keysLow));
        return true;
    }

    /// <summary>FNV-1a 64-bit: a small, dependency-free checksum against truncated or edited blobs.</summary>
    public static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    private static void AppendPrimer(List<byte> to, PrimerSnapshot? primer)
    {
        if (primer is not null && primer.Frames > MaxPrimerFrames)
        {
            throw new ArgumentException($"state primer has {primer.Frames} frames; at most {MaxPrimerFrames} fit");
        }
        AppendU32(to, (uint)(primer?.Frames ?? 0));
        AppendU32(to, (uint)(primer?.SampleRate ?? 0));
        if (primer is not null)
        {
            to.AddRange(MemoryMarshal.AsBytes(primer.Interleaved.AsSpan(0, primer.Frames * PrimerSnapshot.Channels)));
        }
    }

    private static void AppendString(List<byte> to, string text, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > MaxStringBytes)
        {
            throw new ArgumentException($"state {field} is {bytes.Length} UTF-8 bytes; at most {MaxStringBytes} fit");
        }
        AppendU16(to, (ushort)bytes.Length);
        to.AddRange(bytes);
    }

    private static void AppendU16(List<byte> to, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        to.AddRange(b);
    }

    private static void AppendU32(List<byte> to, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        to.AddRange(b);
    }

    private static void AppendU64(List<byte> to, ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        to.AddRange(b);
    }

    private ref struct PayloadReader(ReadOnlySpan<byte> payload)
    {
        private readonly ReadOnlySpan<byte> _payload = payload;
        private int _position;

        public readonly bool AtEnd => _position == _payload.Length;

        public readonly int Remaining => _payload.Length - _position;

        public bool TryU16(out ushort value, string field, out string problem)
        {
            value = 0;
            if (!TryTake(2, field, out var bytes, out problem))
            {
                return false;
            }
            value = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            return true;
        }

        public bool TryU32(out uint value, string field, out string problem)
        {
            value = 0;
            if (!TryTake(4, field, out var bytes, out problem))
            {
                return false;
            }
            value = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            return true;
        }

        public bool TryU64(out ulong value, string field, out string problem)
        {
            value = 0;
            if (!TryTake(8, field, out var bytes, out problem))
            {
                return false;
            }
            value = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            return true;
        }

        public bool TryPrimer(out PrimerSnapshot? primer, out string problem)
        {
            primer = null;
            if (!TryU32(out var frames, "primer frames", out problem) || !TryU32(out var rate, "primer sample rate", out problem))
            {
                return false;
            }
            if (frames == 0)
            {
                return true;
            }
            if (frames > MaxPrimerFrames || rate is < 8000 or > 384_000)
            {
                problem = $"state primer of {frames} frames at {rate} Hz is out of range (≤ {MaxPrimerFrames} frames, 8–384 kHz)";
                return false;
            }
            if (!TryTake((int)frames * PrimerSnapshot.Channels * 4, "primer samples", out var bytes, out problem))
            {
                return false;
            }
            var samples = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            if (!AllFinite(samples))
            {
                problem = "state primer holds a sample that is not a finite number";
                return false;
            }
            primer = new PrimerSnapshot(samples, (int)rate);
            return true;
        }

        private static bool AllFinite(ReadOnlySpan<float> samples)
        {
            foreach (var s in samples)
            {
                if (!float.IsFinite(s))
                {
                    return false;
                }
            }
            return true;
        }

        public bool TryString(out string value, string field, out string problem)
        {
            value = "";
            if (!TryU16(out var length, field + " length", out problem))
            {
                return false;
            }
            if (length > MaxStringBytes)
            {
                problem = $"state {field} claims {length} bytes; at most {MaxStringBytes} are allowed";
                return false;
            }
            if (!TryTake(length, field, out var bytes, out problem))
            {
                return false;
            }
            try
            {
                value = new UTF8Encoding(false, true).GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                problem = $"state {field} is not valid UTF-8";
                return false;
            }
        }

        private bool TryTake(int count, string field, out ReadOnlySpan<byte> bytes, out string problem)
        {
            if (Remaining < count)
            {
                bytes = default;
                problem = $"state payload ends inside {field} (needs {count} bytes, {Remaining} left)";
                return false;
            }
            bytes = _payload.Slice(_position, count);
            _position += count;
            problem = "";
            return true;
        }
    }
}
