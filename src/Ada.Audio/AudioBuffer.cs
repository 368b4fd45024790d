namespace Ada.Audio;

/// <summary>Decoded audio: interleaved float samples (T, C) nominally in [-1, 1] at one sample rate.</summary>
public sealed class AudioBuffer
{
    /// <summary>Wraps <paramref name="samples"/> (interleaved, frame t channel c at [t * C + c]) without copying.</summary>
    public AudioBuffer(float[] samples, int sampleRate, int channels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (samples.Length % channels != 0)
            throw new ArgumentException($"sample count {samples.Length} is not a multiple of the channel count {channels}", nameof(samples));
        Samples = samples;
        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Interleaved samples, length FrameCount * Channels.</summary>
    public float[] Samples { get; }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per frame.</summary>
    public int Channels { get; }

    /// <summary>Number of frames (samples per channel).</summary>
    public int FrameCount => Samples.Length / Channels;

    /// <summary>Length in time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / SampleRate);

    /// <summary>Copies one channel out of the interleaved samples, (T,).</summary>
    public float[] GetChannel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        var result = new float[FrameCount];
        for (int t = 0; t < result.Length; t++)
            result[t] = Samples[t * Channels + channel];
        return result;
    }

    /// <summary>Averages the channels into one (returns this buffer when it is already mono).</summary>
    public AudioBuffer ToMono()
    {
        if (Channels == 1)
            return this;
        var mono = new float[FrameCount];
        float scale = 1f / Channels;
        for (int t = 0; t < mono.Length; t++)
        {
            float sum = 0;
            var frame = Samples.AsSpan(t * Channels, Channels);
            foreach (float s in frame)
                sum += s;
            mono[t] = sum * scale;
        }
        return new AudioBuffer(mono, SampleRate, 1);
    }
}
