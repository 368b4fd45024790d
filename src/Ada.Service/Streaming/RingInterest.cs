using Ada.Service.Takes;

namespace Ada.Service.Streaming;

/// <summary>
/// A ring's claim on its take: starving while the client plays and generation is less than the starving lead ahead of
/// the model sample the ring's feeder needs next, playing otherwise, armed while the transport is stopped.
/// </summary>
internal sealed class RingInterest(int clientId, PlaybackState playback, long starvingLeadSamples) : ITakeInterest
{
    private long _neededInput;

    /// <inheritdoc />
    public int ClientId { get; } = clientId;

    /// <summary>The model sample the feeder needs next (written by the feeder after every pass).</summary>
    public long NeededInput
    {
        get => Volatile.Read(ref _neededInput);
        set => Volatile.Write(ref _neededInput, value);
    }

    /// <inheritdoc />
    public TakeUrgency UrgencyFor(TakeAudio take) =>
        !playback.Playing ? TakeUrgency.Armed
        : take.Available - NeededInput < starvingLeadSamples ? TakeUrgency.Starving
        : TakeUrgency.Playing;
}
