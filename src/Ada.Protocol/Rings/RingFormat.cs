using System.Buffers.Binary;

namespace Ada.Protocol.Rings;

/// <summary>The immutable header fields of a ring file, validated; the reader trusts only this copy afterwards.</summary>
internal readonly record struct RingFormat(int Channels, int SampleRate, int CapacityFrames, ulong TakeId, int CreatorProcessId)
{
    /// <summary>Header plus data bytes.</summary>
    public long FileLength => RingLayout.FileLength(CapacityFrames, Channels);

    /// <summary>Parses header line 0 of <paramref name="path"/> and checks every field, then the checksum, then the file length.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line0, long fileLength, string path, out RingFormat format, out RingError error)
    {
        format = default;
        if (fileLength < RingLayout.HeaderSize || line0.Length < RingLayout.StaticBytes)
            return RingError.Fail(RingErrorCode.TooShort, $"ring '{path}' is {fileLength} bytes, shorter than the {RingLayout.HeaderSize}-byte header", out error);

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(line0[RingLayout.MagicOffset..]);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(line0[RingLayout.VersionOffset..]);
        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(line0[RingLayout.HeaderSizeOffset..]);
        uint channels = BinaryPrimitives.ReadUInt32LittleEndian(line0[RingLayout.ChannelsOffset..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(line0[RingLayout.SampleRateOffset..]);
        ulong capacity = BinaryPrimitives.ReadUInt64LittleEndian(line0[RingLayout.CapacityOffset..]);
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(line0[RingLayout.ChecksumOffset..]);

        (RingErrorCode code, string problem)? failure =
            magic != RingLayout.Magic ? (RingErrorCode.BadMagic, $"magic is 0x{magic:x8}, expected 0x{RingLayout.Magic:x8} ('ADAR')")
            : version != RingLayout.FormatVersion ? (RingErrorCode.UnsupportedVersion, $"format version is {version}, this build reads {RingLayout.FormatVersion}")
            : headerSize != RingLayout.HeaderSize ? (RingErrorCode.BadHeaderSize, $"header size is {headerSize}, expected {RingLayout.HeaderSize}")
            : channels is 0 or > ProtocolLimits.MaxChannels ? (RingErrorCode.BadChannels, $"channels is {channels}, expected 1..{ProtocolLimits.MaxChannels}")
            : sampleRate is 0 or > RingLayout.MaxSampleRate ? (RingErrorCode.BadSampleRate, $"sample rate is {sampleRate}, expected 1..{RingLayout.MaxSampleRate}")
            : capacity is < RingLayout.MinCapacity or > RingLayout.MaxCapacity || !RingLayout.IsPowerOfTwo(capacity)
                ? (RingErrorCode.BadCapacity, $"capacity is {capacity} frames, expected a power of two in {RingLayout.MinCapacity}..{RingLayout.MaxCapacity}")
            : checksum != RingLayout.Checksum(line0) ? (RingErrorCode.ChecksumMismatch, "header checksum does not match its fields")
            : null;
        if (failure is { } f) return RingError.Fail(f.code, $"ring '{path}': {f.problem}", out error);

        var parsed = new RingFormat((int)channels, (int)sampleRate, (int)capacity,
            BinaryPrimitives.ReadUInt64LittleEndian(line0[RingLayout.TakeIdOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(line0[RingLayout.CreatorPidOffset..]));
        if (fileLength < parsed.FileLength)
            return RingError.Fail(RingErrorCode.Truncated, $"ring '{path}' is {fileLength} bytes, its header needs {parsed.FileLength}", out error);
        format = parsed;
        error = RingError.None;
        return true;
    }
}
