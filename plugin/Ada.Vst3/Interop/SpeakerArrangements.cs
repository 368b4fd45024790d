namespace Ada.Vst3.Interop;

/// <summary>Steinberg's SpeakerArrangement bitsets (uint64) that this binding names.</summary>
public static class SpeakerArrangements
{
    /// <summary>kEmpty: no speakers (an inactive or absent bus).</summary>
    public const ulong Empty = 0;

    /// <summary>kStereo: kSpeakerL | kSpeakerR.</summary>
    public const ulong Stereo = 0b11;

    /// <summary>The number of channels of an arrangement (one per speaker bit).</summary>
    public static int ChannelCount(ulong arrangement) => System.Numerics.BitOperations.PopCount(arrangement);
}
