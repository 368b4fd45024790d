namespace AdaPlugin;

/// <summary>The take source while no generator service is connected: every read is silence.</summary>
public sealed class SilentTakeSource : ITakeSource
{
    /// <inheritdoc />
    public int LatencySamples => 0;

    /// <inheritdoc />
    public TakeSourceStatus Status => default;

    /// <inheritdoc />
    public void Prepare(double sampleRate, int maxBlockSize)
    {
    }

    /// <inheritdoc />
    public int Read(int voiceKey, long projectSample, Span<float> left, Span<float> right) => 0;
}
