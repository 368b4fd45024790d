using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>
/// Client → service: render this take ahead and stream it; answered by <see cref="RingAttachedMessage"/>.
/// A take's audio is a pure function of (checkpoint, preset, seed, variation, primer); where it plays (start) and how it is
/// transposed only change how that audio is streamed, never which take it is.
/// </summary>
/// <param name="TakeId">Client-chosen id, echoed in the ring header and segments.</param>
/// <param name="Preset">Preset name or path (the loaded preset's reference).</param>
/// <param name="Seed">Sampling seed.</param>
/// <param name="Variation">Variation index (seed offset), e.g. from the MIDI note in variation mode.</param>
/// <param name="PrimerHash">The primer to continue from (sent earlier as chunks); <see cref="ContentHash.None"/> for none.</param>
/// <param name="TakeStart">
/// Protocol 2: the project sample (host rate) where take sample 0 plays; earlier project samples are silence. Version 1 frames
/// have no such field and mean 0.
/// </param>
/// <param name="Transpose">
/// Protocol 2: semitones in [−<see cref="MaxTranspose"/>, <see cref="MaxTranspose"/>] the take is played transposed by, like a
/// sampler (up = faster); 0 = as rendered. Version 1 frames have no such field and mean 0.
/// </param>
public readonly record struct ArmTakeMessage(ulong TakeId, string Preset, ulong Seed, int Variation, ContentHash PrimerHash,
    long TakeStart = 0, double Transpose = 0) : IProtocolMessage<ArmTakeMessage>
{
    /// <summary>Largest transposition either way, in semitones (four octaves).</summary>
    public const double MaxTranspose = 48;

    /// <inheritdoc />
    public static MessageType Type => MessageType.ArmTake;

    /// <summary>True when the message sets a protocol 2 field (a take start or a transposition).</summary>
    public bool UsesPlacement => TakeStart != 0 || Transpose != 0;

    /// <inheritdoc />
    public int GetPayloadSize() => GetPayloadSize(this, ProtocolVersion.Current);

    /// <inheritdoc />
    public int Write(Span<byte> payload) => Write(this, payload, ProtocolVersion.Current);

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out ArmTakeMessage message, out ProtocolError error) =>
        TryRead(payload, ProtocolVersion.Current, out message, out error);

    /// <summary>Version 1: take id, preset, seed, variation, primer; version 2 appends take start i64 and transpose f64.</summary>
    public static int GetPayloadSize(in ArmTakeMessage message, ushort version) =>
        8 + WireSize.String(message.Preset) + 8 + 4 + ContentHash.Size + (HasPlacement(version) ? 8 + 8 : 0);

    /// <inheritdoc cref="IProtocolMessage{TSelf}.Write(in TSelf, Span{byte}, ushort)" />
    public static int Write(in ArmTakeMessage message, Span<byte> payload, ushort version)
    {
        var w = new WireWriter(payload, Type, message.Problem(version));
        w.U64(message.TakeId);
        w.String(message.Preset, ProtocolLimits.MaxPathBytes, "preset");
        w.U64(message.Seed);
        w.I32(message.Variation);
        w.Hash(message.PrimerHash);
        if (HasPlacement(version))
        {
            w.I64(message.TakeStart);
            w.F64(message.Transpose);
        }
        return w.Position;
    }

    /// <inheritdoc cref="IProtocolMessage{TSelf}.TryRead(ReadOnlySpan{byte}, ushort, out TSelf, out ProtocolError)" />
    public static bool TryRead(ReadOnlySpan<byte> payload, ushort version, out ArmTakeMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new ArmTakeMessage(r.U64("take id"), r.String(ProtocolLimits.MaxPathBytes, "preset"), r.U64("seed"),
            r.I32("variation"), r.Hash("primer hash"));
        // Only a version 2 frame has the fields; a version 1 payload carrying them fails as trailing bytes.
        if (HasPlacement(version)) m = m with { TakeStart = r.I64("take start"), Transpose = r.F64("transpose") };
        return r.Finish(m, m.Problem(version), out message, out error);
    }

    private static bool HasPlacement(ushort version) => version >= ProtocolVersion.TakePlacement;

    private string? Problem(ushort version) =>
        string.IsNullOrEmpty(Preset) ? "preset is empty"
        : !(Math.Abs(Transpose) <= MaxTranspose) ? $"transpose {Transpose} is not a number of semitones in [-{MaxTranspose}, {MaxTranspose}]"
        : UsesPlacement && !HasPlacement(version)
            ? $"take start {TakeStart} / transpose {Transpose} need protocol version {ProtocolVersion.TakePlacement}, the frame is version {version}"
        : null;
}
