namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// `ada eval longrange` settings: <paramref name="Samples"/> clips of <paramref name="Seconds"/> per model (seeded, at
/// <paramref name="Temperature"/> on every level) and <paramref name="RealPieces"/> real crops as long, compared over their first
/// and last <paramref name="SegmentSeconds"/>; spectrograms go to <paramref name="MediaDir"/>, the first
/// <paramref name="AudioSeconds"/> of each model's first clip to <paramref name="MediaDir"/>/audio.
/// </summary>
public sealed record LongRangeOptions(
    double Seconds = 25,
    double SegmentSeconds = 5,
    int Samples = 4,
    int Seed = 1,
    float Temperature = 1f,
    int RealPieces = 8,
    string MediaDir = "docs/evaluation",
    double AudioSeconds = 4)
{
    /// <summary>Throws when a setting cannot work, naming the option.</summary>
    public void Validate()
    {
        if (SegmentSeconds <= 0) throw new ArgumentException($"--segment must be > 0 s, got {SegmentSeconds}");
        if (Seconds < 2 * SegmentSeconds || Seconds > 600) throw new ArgumentException($"--seconds must be in [2 × --segment, 600], got {Seconds}");
        if (Samples is < 2 or > 64) throw new ArgumentException($"--samples must be 2..64 (the chance level compares different clips), got {Samples}");
        if (RealPieces is < 0 or 1 or > 256) throw new ArgumentException($"--real-pieces must be 0 or 2..256, got {RealPieces}");
        if (Temperature < 0) throw new ArgumentException($"--temperature must be ≥ 0, got {Temperature}");
        if (Seed < 0) throw new ArgumentException($"--seed must be ≥ 0, got {Seed}");
        if (AudioSeconds <= 0) throw new ArgumentException($"--audio-seconds must be > 0, got {AudioSeconds}");
    }
}
