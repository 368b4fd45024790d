namespace AdaPlugin;

/// <summary>
/// Where a voice's audio comes from: silence, a test tone, or the generator service's shared-memory rings.
/// <see cref="Prepare"/> and <see cref="Release"/> run at (de)activation and may allocate and block; the other
/// members run on the audio thread and must not allocate, lock or wait in realtime mode.
/// </summary>
public interface ITakeSource
{
    /// <summary>Constant latency the source adds; reported by getLatencySamples.</summary>
    int LatencySamples { get; }

    /// <summary>The state shown by the read-only parameters.</summary>
    TakeSourceStatus Status { get; }

    /// <summary>Called from setActive(true) with the processing setup.</summary>
    void Prepare(double sampleRate, int maxBlockSize);

    /// <summary>Called from setActive(false), after the host stopped calling process.</summary>
    void Release()
    {
    }

    /// <summary>Called once per process call with frames, before any <see cref="Read"/> for that block.</summary>
    void BeginBlock(in BlockTiming timing)
    {
    }

    /// <summary>A note on or off in the current block, at project sample <paramref name="projectSample"/> (a source may arm the key's take on a note on).</summary>
    void OnNote(in NoteEvent note, long projectSample)
    {
    }

    /// <summary>
    /// Fills up to left.Length frames of the take for MIDI key <paramref name="voiceKey"/> starting at project sample
    /// <paramref name="projectSample"/>; returns the frames written (the caller silences the rest).
    /// </summary>
    int Read(int voiceKey, long projectSample, Span<float> left, Span<float> right);
}
