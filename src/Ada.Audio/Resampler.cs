namespace Ada.Audio;

/// <summary>Whole-signal resampling with the delay removed: output sample m is the input at time m / toRate.</summary>
public static class Resampler
{
    /// <summary>Resamples mono <paramref name="input"/> to round(n · to / from) samples, aligned with the input.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate, ResamplerQuality? quality = null)
    {
        var resampler = new StreamingResampler(fromRate, toRate, quality);
        var output = new float[resampler.Delay + OutputLength(input.Length, fromRate, toRate)];
        int written = resampler.Process(input, output);
        written += resampler.Flush(output.AsSpan(written));
        return output[resampler.Delay..written];
    }

    /// <summary>Resamples every channel of <paramref name="audio"/> to <paramref name="toRate"/>.</summary>
    public static AudioBuffer Resample(AudioBuffer audio, int toRate, ResamplerQuality? quality = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        int channels = audio.Channels;
        float[]? interleaved = null;
        for (int c = 0; c < channels; c++)
        {
            var channel = Resample(audio.GetChannel(c), audio.SampleRate, toRate, quality);
            interleaved ??= new float[channel.Length * channels];
            for (int t = 0; t < channel.Length; t++)
                interleaved[t * channels + c] = channel[t];
        }
        return new AudioBuffer(interleaved!, toRate, channels);
    }

    /// <summary>round(<paramref name="inputLength"/> · to / from), halves rounded up: the length of a resampled signal.</summary>
    public static int OutputLength(int inputLength, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        return checked((int)AlignedLength(inputLength, fromRate, toRate));
    }

    internal static long AlignedLength(long inputLength, int fromRate, int toRate) =>
        (2 * inputLength * toRate + fromRate) / (2L * fromRate);
}
