namespace AdaPlugin;

/// <summary>What process knows about one block's place on the host timeline.</summary>
/// <param name="ProjectSample">Project sample of the block's first frame (samples since activation when the host gives no context).</param>
/// <param name="Frames">Frames in the block (at least 1).</param>
/// <param name="Playing">The host transport is playing (true when the host gives no context).</param>
/// <param name="Offline">The block is part of an offline render (kOffline): the source may wait for audio.</param>
/// <param name="Tempo">Beats per minute, 0 when unknown.</param>
/// <param name="ProjectBeats">Musical position in quarter notes, 0 when unknown.</param>
/// <param name="TimeSigNumerator">Time signature numerator, 0 when unknown.</param>
/// <param name="TimeSigDenominator">Time signature denominator, 0 when unknown.</param>
public readonly record struct BlockTiming(
    long ProjectSample, int Frames, bool Playing, bool Offline,
    double Tempo, double ProjectBeats, int TimeSigNumerator, int TimeSigDenominator);
