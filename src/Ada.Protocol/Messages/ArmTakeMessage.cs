using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>
/// Client → service: render this take ahead and stream it; answered by <see cref="RingAttachedMessage"/>.
/// A take's audio is a pure function of (checkpoint, preset, seed, variation, primer).
/// </summary>
/// <param name="TakeId">Client-chosen id, echoed in the ring header and segments.</param>
/// <param name="Preset">Preset name or path (the loaded preset's reference).</param>
/// <param name="Seed">Sampling seed.</param>
/// <param name="Variation">Variation index (seed offset), e.g. from the MIDI note in variation mode.</param>
/// <param name="PrimerHash">The primer to continue from (sent earlier as chunks); <see cref="ContentHash.None"/> for none.</param>
public readonly record struct ArmTakeMessage(ulong TakeId, string Preset, ulong Seed, int Variation, ContentHash PrimerHash)
    : IProtocolMessage<ArmTakeMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.ArmTake;

    /// <inheritdoc />
    public int GetPayloadSize() => 8 + WireSize.String(Preset) + 8 + 4 + ContentHash.Size;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U64(TakeId);
        w.String(Preset, ProtocolLimits.MaxPathBytes, "preset");
        w.U64(Seed);
        w.I32(Variation);
        w.Hash(PrimerHash);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out ArmTakeMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new ArmTakeMessage(r.U64("take id"), r.String(ProtocolLimits.MaxPathBytes, "preset"), r.U64("seed"),
            r.I32("variation"), r.Hash("primer hash"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() => string.IsNullOrEmpty(Preset) ? "preset is empty" : null;
}
