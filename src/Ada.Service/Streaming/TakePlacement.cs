using Ada.Service.Takes;

namespace Ada.Service.Streaming;

/// <summary>
/// Where and how a ring plays its take: take sample 0 at project sample <paramref name="Start"/>, transposed by
/// <paramref name="Transpose"/> semitones (up = faster). Not part of the take's identity: the same take placed elsewhere is
/// the same cached audio, streamed differently.
/// </summary>
/// <param name="Start">Project sample (host rate) of take sample 0.</param>
/// <param name="Transpose">Semitones; 0 streams the take exactly as rendered.</param>
internal readonly record struct TakePlacement(long Start, double Transpose)
{
    // Take-relative positions are clamped here so that streams can count on from them without overflowing.
    private const long Horizon = 1L << 62;

    /// <summary>Take time per project time: 2^(semitones / 12).</summary>
    public double Speed => Math.Pow(2, Transpose / 12);

    /// <summary>The take-relative host sample (before transposition) that plays at <paramref name="projectSample"/>.</summary>
    public long TakeSample(long projectSample)
    {
        long offset = projectSample - Start;
        bool overflowed = ((projectSample ^ Start) & (projectSample ^ offset)) < 0;
        return overflowed ? (projectSample < 0 ? -Horizon : Horizon) : Math.Clamp(offset, -Horizon, Horizon);
    }

    /// <summary>A stream of <paramref name="take"/> at <paramref name="hostRate"/> with this transposition.</summary>
    public ITakeStream Open(TakeAudio take, int hostRate) =>
        Transpose == 0 ? new TakeStream(take, hostRate) : new TransposedTakeStream(take, hostRate, Transpose);
}
