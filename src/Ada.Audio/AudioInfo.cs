namespace Ada.Audio;

/// <summary>What a file holds, read from its headers: format, rate, channels and length in frames.</summary>
public sealed record AudioInfo(AudioFormat Format, int SampleRate, int Channels, long FrameCount)
{
    /// <summary>Length in time (FrameCount / SampleRate).</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / SampleRate);
}
