using Ada.Protocol;

namespace Ada.Service.Sessions;

/// <summary>A primer snapshot received in full and hash-checked.</summary>
/// <param name="Hash">Its content hash (what takes refer to).</param>
/// <param name="Samples">Interleaved samples (frames, channels).</param>
/// <param name="Channels">Channels per frame.</param>
/// <param name="SampleRate">Sample rate in Hz.</param>
internal sealed record StoredPrimer(ContentHash Hash, float[] Samples, int Channels, int SampleRate);
