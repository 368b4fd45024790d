namespace Ada.Audio;

/// <summary>What the third-party decoders share: error translation, format checks and reading a stream to its end.</summary>
internal static class DecoderSupport
{
    /// <summary>Fills a span with interleaved samples and returns how many it wrote (0 at the end).</summary>
    public delegate int SampleSource(Span<float> destination);

    const int ProbeFrames = 4096;

    // A corrupt length field must not make us allocate gigabytes up front; longer streams grow past this.
    const int MaxInitialSamples = 1 << 24;

    /// <summary>Runs a decoder and turns its exceptions (anything but genuine I/O failures) into <see cref="AudioFormatException"/>.</summary>
    public static T Guard<T>(string name, string codec, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is not (AudioFormatException or OutOfMemoryException or OperationCanceledException)
                                  && (e is not IOException || e is EndOfStreamException))
        {
            throw new AudioFormatException(name, $"corrupt or unsupported {codec} data: {e.Message}", e);
        }
    }

    /// <summary>Rejects stream parameters a decoder reported but <see cref="AudioBuffer"/> cannot hold.</summary>
    public static void CheckFormat(string name, string codec, int sampleRate, int channels)
    {
        if (sampleRate <= 0)
            throw new AudioFormatException(name, $"unsupported {codec} stream: sample rate {sampleRate} Hz");
        if (channels <= 0)
            throw new AudioFormatException(name, $"unsupported {codec} stream: {channels} channels");
    }

    /// <summary>Reads until the decoder is exhausted; <paramref name="expectedSamples"/> (≤ 0 if unknown) sizes the first allocation.</summary>
    public static float[] ReadAll(SampleSource read, int channels, long expectedSamples, string name)
    {
        int initial = (int)Math.Clamp(expectedSamples, channels * ProbeFrames, MaxInitialSamples);
        var samples = new float[initial / channels * channels];
        var probe = new float[channels * ProbeFrames];
        int count = 0;
        while (true)
        {
            if (count < samples.Length)
            {
                int n = read(samples.AsSpan(count, (samples.Length - count) / channels * channels));
                if (n == 0)
                    break;
                count += n;
                continue;
            }
            // Full at exactly the expected size: probe for more rather than grow blindly.
            int extra = read(probe);
            if (extra == 0)
                break;
            if ((long)samples.Length * 2 > Array.MaxLength)
                throw new AudioFormatException(name, "unsupported: too long to decode into memory");
            Array.Resize(ref samples, Math.Max(samples.Length * 2, samples.Length + extra));
            probe.AsSpan(0, extra).CopyTo(samples.AsSpan(count));
            count += extra;
        }
        count -= count % channels;
        if (count == 0)
            throw new AudioFormatException(name, "no samples: the stream decodes to zero length");
        return count == samples.Length ? samples : samples[..count];
    }
}
