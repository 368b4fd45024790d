using System.Buffers.Binary;

namespace Ada.Protocol.Rings;

/// <summary>
/// Byte layout of a ring file: a 512-byte header of eight 64-byte cache lines, then float32 interleaved frames
/// (capacity, channels). Each line has one writer so producer and consumer never share a line they write.
/// </summary>
/// <remarks>
/// Line 0 (immutable after creation): magic u32 'ADAR', format version u32, header size u32, channels u32,
///   sample rate u32, creator pid i32, capacity frames u64, take id u64, reserved, FNV-1a checksum u64 of bytes 0..55.
/// Line 1: write index u64 (producer). Line 2: read index u64 (consumer).
/// Line 3: segment seqlock (producer): sequence u64, start index u64, project position i64, take id u64, generation u64.
/// Line 4: underrun count u64 (consumer). Line 5: producer heartbeat u64. Line 6: consumer heartbeat u64. Line 7: reserved.
/// All values little-endian; indices are monotonic frame counters, slot = index &amp; (capacity - 1).
/// </remarks>
internal static class RingLayout
{
    public const uint Magic = 0x5241_4441; // 'A','D','A','R' as a little-endian u32.
    public const uint FormatVersion = 1;
    public const int HeaderSize = 512;
    public const int MinCapacity = 16;
    public const int MaxCapacity = 1 << 24;
    public const uint MaxSampleRate = 1_536_000;

    public const int MagicOffset = 0;
    public const int VersionOffset = 4;
    public const int HeaderSizeOffset = 8;
    public const int ChannelsOffset = 12;
    public const int SampleRateOffset = 16;
    public const int CreatorPidOffset = 20;
    public const int CapacityOffset = 24;
    public const int TakeIdOffset = 32;
    public const int ChecksumOffset = 56;
    public const int StaticBytes = 64;

    public const int WriteIndexOffset = 64;
    public const int ReadIndexOffset = 128;
    public const int SegmentSequenceOffset = 192;
    public const int SegmentStartOffset = 200;
    public const int SegmentPositionOffset = 208;
    public const int SegmentTakeIdOffset = 216;
    public const int SegmentGenerationOffset = 224;
    public const int UnderrunOffset = 256;
    public const int ProducerHeartbeatOffset = 320;
    public const int ConsumerHeartbeatOffset = 384;

    /// <summary>File size of a ring: header plus (capacity, channels) float32 samples.</summary>
    public static long FileLength(int capacity, int channels) => HeaderSize + (long)capacity * channels * sizeof(float);

    public static bool IsPowerOfTwo(ulong value) => value != 0 && (value & (value - 1)) == 0;

    /// <summary>FNV-1a 64 over the immutable fields (bytes 0..55), so random bytes almost never pass as a header.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> header)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in header[..ChecksumOffset])
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>Writes line 0 (the immutable format fields and their checksum).</summary>
    public static void WriteStatic(Span<byte> header, int channels, int sampleRate, int capacity, ulong takeId, int creatorPid)
    {
        header[..StaticBytes].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header[MagicOffset..], Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[VersionOffset..], FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[HeaderSizeOffset..], HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header[ChannelsOffset..], (uint)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[SampleRateOffset..], (uint)sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[CreatorPidOffset..], creatorPid);
        BinaryPrimitives.WriteUInt64LittleEndian(header[CapacityOffset..], (ulong)capacity);
        BinaryPrimitives.WriteUInt64LittleEndian(header[TakeIdOffset..], takeId);
        BinaryPrimitives.WriteUInt64LittleEndian(header[ChecksumOffset..], Checksum(header));
    }
}
