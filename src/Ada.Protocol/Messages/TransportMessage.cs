using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: the host transport (sent on change, not every block).</summary>
/// <param name="Playing">Whether the host transport is rolling.</param>
/// <param name="Tempo">Beats per minute (0 when the host gives none).</param>
/// <param name="ProjectSample">Project time of the block start, in host samples.</param>
/// <param name="ProjectBeats">Project time of the block start, in quarter notes.</param>
/// <param name="TimeSignatureNumerator">Beats per bar.</param>
/// <param name="TimeSignatureDenominator">Beat unit (4 = quarter note).</param>
/// <param name="SampleRate">Host sample rate in Hz.</param>
public readonly record struct TransportMessage(
    bool Playing, double Tempo, long ProjectSample, double ProjectBeats,
    ushort TimeSignatureNumerator, ushort TimeSignatureDenominator, double SampleRate) : IProtocolMessage<TransportMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Transport;

    /// <inheritdoc />
    public int GetPayloadSize() => 1 + 8 + 8 + 8 + 2 + 2 + 8;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.Bool(Playing);
        w.F64(Tempo);
        w.I64(ProjectSample);
        w.F64(ProjectBeats);
        w.U16(TimeSignatureNumerator);
        w.U16(TimeSignatureDenominator);
        w.F64(SampleRate);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out TransportMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new TransportMessage(r.Bool("playing"), r.F64("tempo"), r.I64("project sample"), r.F64("project beats"),
            r.U16("time signature numerator"), r.U16("time signature denominator"), r.F64("sample rate"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        !double.IsFinite(Tempo) || Tempo < 0 ? $"tempo {Tempo} is not a finite value >= 0"
        : !double.IsFinite(ProjectBeats) ? $"project beats {ProjectBeats} is not finite"
        : TimeSignatureNumerator == 0 || TimeSignatureDenominator == 0
            ? $"time signature {TimeSignatureNumerator}/{TimeSignatureDenominator} has a zero part"
        : !Checks.IsRate(SampleRate) ? $"sample rate {SampleRate} is outside (0, {Checks.MaxSampleRate}]"
        : null;
}
