namespace AdaPlugin;

/// <summary>
/// A deterministic stand-in for the service in host tests (ADA_PLUGIN_TEST_TONE=1): a sine at the key's
/// equal-tempered pitch (69 = 440 Hz), whose phase is a function of the project sample alone, so renders are
/// bit-identical whatever the block size. No latency.
/// </summary>
public sealed class TestToneTakeSource : ITakeSource
{
    /// <summary>The environment variable that selects this source.</summary>
    public const string EnableVariable = "ADA_PLUGIN_TEST_TONE";

    /// <summary>Peak amplitude before velocity and gain.</summary>
    public const float Amplitude = 0.5f;

    private double _sampleRate = 44100;

    /// <inheritdoc />
    public int LatencySamples => 0;

    /// <inheritdoc />
    public TakeSourceStatus Status => default;

    /// <summary>The frequency a key plays at.</summary>
    public static double Frequency(int key) => 440.0 * Math.Pow(2, (key - 69) / 12.0);

    /// <inheritdoc />
    public void Prepare(double sampleRate, int maxBlockSize) => _sampleRate = sampleRate;

    /// <inheritdoc />
    public int Read(int voiceKey, long projectSample, Span<float> left, Span<float> right)
    {
        var cyclesPerSample = Frequency(voiceKey) / _sampleRate;
        for (var i = 0; i < left.Length; i++)
        {
            var cycles = (projectSample + i) * cyclesPerSample;
            var value = (float)(Amplitude * Math.Sin(2 * Math.PI * (cycles - Math.Floor(cycles))));
            left[i] = value;
            right[i] = value;
        }
        return left.Length;
    }
}
