namespace Ada.Protocol.Messages;

/// <summary>Range checks shared by several messages' validation.</summary>
internal static class Checks
{
    /// <summary>Highest sample rate any field accepts (Hz).</summary>
    public const double MaxSampleRate = 1_536_000;

    /// <summary>Largest host block any field accepts (frames).</summary>
    public const int MaxBlockSize = 1 << 20;

    public static bool IsRate(double hz) => double.IsFinite(hz) && hz > 0 && hz <= MaxSampleRate;

    public static bool IsRateOrUnknown(double hz) => hz == 0 || IsRate(hz);

    public static bool IsPowerOfTwo(uint value) => value != 0 && (value & (value - 1)) == 0;
}
