namespace Ada.Protocol.Rings;

/// <summary>Why a ring could not be opened, or why an open ring stopped being trusted.</summary>
public enum RingErrorCode
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The ring file does not exist.</summary>
    NotFound,
    /// <summary>The file exists but could not be opened or mapped.</summary>
    IoError,
    /// <summary>The file is shorter than a ring header.</summary>
    TooShort,
    /// <summary>The header does not start with the 'ADAR' magic.</summary>
    BadMagic,
    /// <summary>The header's format version is not the one this build reads.</summary>
    UnsupportedVersion,
    /// <summary>The header-size field is not the expected 512.</summary>
    BadHeaderSize,
    /// <summary>The channel count is outside 1..8.</summary>
    BadChannels,
    /// <summary>The sample rate is outside 1..1,536,000 Hz.</summary>
    BadSampleRate,
    /// <summary>The capacity is not a power of two within 16..2^24 frames.</summary>
    BadCapacity,
    /// <summary>The immutable header fields do not match their checksum.</summary>
    ChecksumMismatch,
    /// <summary>The file is shorter than header plus capacity frames.</summary>
    Truncated,
    /// <summary>Write index below read index, or more than a capacity ahead of it.</summary>
    InconsistentIndices,
    /// <summary>The segment record is torn for good or went backwards.</summary>
    SegmentCorrupt,
}
