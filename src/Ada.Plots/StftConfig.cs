using System.Numerics;

namespace Ada.Plots;

/// <summary>Short-time Fourier transform settings: Hann window of <paramref name="FftSize"/> samples every <paramref name="HopSize"/> samples; dB values are clipped <paramref name="RangeDb"/> below the peak.</summary>
public sealed record StftConfig(int FftSize, int HopSize, double RangeDb = 90)
{
    /// <summary>About 64 ms of audio per window: 1024 at 16 kHz, 2048 at 44.1 kHz.</summary>
    const double WindowSeconds = 0.064;

    /// <summary>More frames than this cannot be seen on a plot, so long signals get a longer hop instead.</summary>
    public const int MaxFrames = 2000;

    const int MinFftSize = 16;
    const int MaxFftSize = 16384;

    /// <summary>Chooses sizes for a signal of <paramref name="sampleCount"/> samples: a ~64 ms window (shrunk for clips shorter than that) with a quarter-window hop, lengthened so there are at most <see cref="MaxFrames"/> frames.</summary>
    public static StftConfig ForSignal(int sampleCount, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        int fft = Math.Clamp(1 << (int)Math.Round(Math.Log2(sampleRate * WindowSeconds)), MinFftSize, MaxFftSize);
        if (sampleCount < fft)
            fft = Math.Max(MinFftSize, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, sampleCount + 1)) / 2);
        int hop = Math.Max(fft / 4, (int)Math.Ceiling((sampleCount - fft) / (double)(MaxFrames - 1)));
        return new StftConfig(fft, hop);
    }

    /// <summary>Throws when a size is unusable, naming the field.</summary>
    public void Validate()
    {
        if (FftSize < 2 || !BitOperations.IsPow2(FftSize))
            throw new ArgumentException($"StftConfig.FftSize must be a power of two >= 2, got {FftSize}");
        if (HopSize < 1)
            throw new ArgumentException($"StftConfig.HopSize must be >= 1, got {HopSize}");
        if (!(RangeDb > 0) || double.IsInfinity(RangeDb))
            throw new ArgumentException($"StftConfig.RangeDb must be a positive finite number, got {RangeDb}");
    }

    /// <summary>Frames covering <paramref name="sampleCount"/> samples without padding past the end; a signal shorter than one window gets one zero-padded frame.</summary>
    public int FrameCount(int sampleCount) => sampleCount <= FftSize ? 1 : 1 + (sampleCount - FftSize) / HopSize;
}
