namespace AdaPlugin;

/// <summary>
/// Where a voice's audio comes from. Today: silence (service unavailable) or a test tone; later the shared-memory
/// rings the generator service fills. <see cref="Prepare"/> runs at activation (may allocate); <see cref="Read"/>
/// and <see cref="Status"/> run on the audio thread and must not allocate, lock or wait in realtime mode.
/// </summary>
public interface ITakeSource
{
    /// <summary>Constant latency the source adds (the ring's target depth); reported by getLatencySamples.</summary>
    int LatencySamples { get; }

    /// <summary>The state shown by the read-only parameters.</summary>
    TakeSourceStatus Status { get; }

    /// <summary>Called from setActive(true) with the processing setup.</summary>
    void Prepare(double sampleRate, int maxBlockSize);

    /// <summary>
    /// Fills up to left.Length frames of the take for MIDI key <paramref name="voiceKey"/> starting at project sample
    /// <paramref name="projectSample"/>; returns the frames written (the caller silences the rest).
    /// </summary>
    int Read(int voiceKey, long projectSample, Span<float> left, Span<float> right);
}
