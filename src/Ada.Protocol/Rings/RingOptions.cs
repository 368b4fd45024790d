namespace Ada.Protocol.Rings;

/// <summary>What a new ring holds and where it lives.</summary>
/// <param name="NamePrefix">Unique per creator (e.g. "svc1234-inst7"), so two services never collide: 1..64 of [A-Za-z0-9_-].</param>
/// <param name="Channels">Interleaved channels per frame, 1..8.</param>
/// <param name="SampleRate">Sample rate in Hz.</param>
/// <param name="CapacityFrames">Ring size in frames, a power of two in 16..2^24.</param>
public sealed record RingOptions(string NamePrefix, int Channels, int SampleRate, int CapacityFrames)
{
    /// <summary>Take the ring is created for (also carried by each segment).</summary>
    public ulong TakeId { get; init; }

    /// <summary>Folder for the file; null for <see cref="RingFiles.DefaultDirectory"/>.</summary>
    public string? Directory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Channels is < 1 or > ProtocolLimits.MaxChannels)
            throw new ArgumentException($"Ring channels {Channels} is outside 1..{ProtocolLimits.MaxChannels}.", nameof(Channels));
        if (SampleRate < 1 || (uint)SampleRate > RingLayout.MaxSampleRate)
            throw new ArgumentException($"Ring sample rate {SampleRate} is outside 1..{RingLayout.MaxSampleRate}.", nameof(SampleRate));
        if (CapacityFrames is < RingLayout.MinCapacity or > RingLayout.MaxCapacity || !RingLayout.IsPowerOfTwo((ulong)CapacityFrames))
            throw new ArgumentException($"Ring capacity {CapacityFrames} frames is not a power of two in {RingLayout.MinCapacity}..{RingLayout.MaxCapacity}.", nameof(CapacityFrames));
    }
}
