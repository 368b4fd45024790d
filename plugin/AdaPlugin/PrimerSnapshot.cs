using Ada.Protocol;

namespace AdaPlugin;

/// <summary>
/// A captured primer: the side-chain audio takes continue from, kept in the plug-in state so a reopened project
/// (and its bounce) continues from the same audio. Identified by its content hash, as the service knows it.
/// </summary>
/// <param name="Interleaved">Stereo frames, interleaved.</param>
/// <param name="SampleRate">The host rate it was recorded at.</param>
public sealed record PrimerSnapshot(float[] Interleaved, int SampleRate)
{
    /// <summary>Channels of every snapshot (the Primer bus is stereo).</summary>
    public const int Channels = 2;

    /// <summary>SHA-256 of channels, rate and samples: the primer hash takes carry.</summary>
    public ContentHash Hash { get; } = ContentHash.OfSamples(Interleaved, Channels, SampleRate);

    /// <summary>Frames in the snapshot.</summary>
    public int Frames => Interleaved.Length / Channels;
}
