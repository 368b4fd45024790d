using Ada.Protocol.Rings;

namespace AdaPlugin.Service;

/// <summary>
/// A key's take bound to an open ring. Immutable and published by the worker with one reference write, so the audio
/// thread never sees a key paired with another key's ring.
/// </summary>
internal sealed record RingBinding(int Key, ulong TakeId, RingReader Reader);
