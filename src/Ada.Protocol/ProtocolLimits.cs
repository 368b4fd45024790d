namespace Ada.Protocol;

/// <summary>Size limits every peer enforces; anything larger is rejected before it is allocated.</summary>
public static class ProtocolLimits
{
    /// <summary>Bytes in a frame header: magic u32, version u16, type u16, payload length u32, request id u32.</summary>
    public const int HeaderSize = 16;

    /// <summary>Largest payload of one frame (64 KiB); primer audio is split into <c>PrimerChunk</c> messages below it.</summary>
    public const int MaxPayloadSize = 64 * 1024;

    /// <summary>Largest whole frame.</summary>
    public const int MaxFrameSize = HeaderSize + MaxPayloadSize;

    /// <summary>Longest short text (client name, version string, device) in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 256;

    /// <summary>Longest path or preset reference in UTF-8 bytes (Linux PATH_MAX).</summary>
    public const int MaxPathBytes = 4096;

    /// <summary>Longest error or status message in UTF-8 bytes.</summary>
    public const int MaxMessageBytes = 2048;

    /// <summary>Most channels a primer chunk may declare.</summary>
    public const int MaxChannels = 8;
}
