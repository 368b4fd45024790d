namespace AdaPlugin.Tests.Harness;

/// <summary>A take source that returns a constant, so rendered samples equal envelope × velocity × gain.</summary>
internal sealed class ConstantTakeSource(float value) : ITakeSource
{
    public int LatencySamples => 0;

    public TakeSourceStatus Status => new(true, 480, 3, ModelChanged: true);

    public void Prepare(double sampleRate, int maxBlockSize)
    {
    }

    public int Read(int voiceKey, long projectSample, Span<float> left, Span<float> right)
    {
        left.Fill(value);
        right.Fill(value);
        return left.Length;
    }
}
