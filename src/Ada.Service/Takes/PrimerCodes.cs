using Ada.Protocol;

namespace Ada.Service.Takes;

/// <summary>
/// The codes a primed take's sampler is primed with (every level, top first). Encoded on first use, which is on a render
/// worker: the level encoders take seconds (measured ~0.4 s per second of primer with the default model on this machine),
/// and a client thread must keep answering. Shared by every take continuing the same primer on the same model.
/// </summary>
/// <param name="primer">The primer's hash.</param>
/// <param name="encode">Encodes the primer; throws when it cannot (the same exception is rethrown on every later use).</param>
internal sealed class PrimerCodes(ContentHash primer, Func<IReadOnlyList<int[]>> encode)
{
    private readonly Lazy<IReadOnlyList<int[]>> _codes = new(encode, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The primer's hash.</summary>
    public ContentHash Primer { get; } = primer;

    /// <summary>The codes (encoding them now if nobody has yet).</summary>
    public IReadOnlyList<int[]> Get() => _codes.Value;
}
