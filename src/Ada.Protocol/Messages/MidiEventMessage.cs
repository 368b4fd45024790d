using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: a note on or off, sample-accurate on the project timeline.</summary>
/// <param name="ProjectSample">Project time of the event, in host samples.</param>
/// <param name="Note">MIDI note number 0..127.</param>
/// <param name="Velocity">Velocity 0..1.</param>
/// <param name="NoteOn">True for note on, false for note off.</param>
/// <param name="Channel">MIDI channel 0..15.</param>
public readonly record struct MidiEventMessage(long ProjectSample, byte Note, float Velocity, bool NoteOn, byte Channel)
    : IProtocolMessage<MidiEventMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.MidiEvent;

    /// <inheritdoc />
    public int GetPayloadSize() => 8 + 1 + 4 + 1 + 1;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.I64(ProjectSample);
        w.U8(Note);
        w.F32(Velocity);
        w.Bool(NoteOn);
        w.U8(Channel);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out MidiEventMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new MidiEventMessage(r.I64("project sample"), r.U8("note"), r.F32("velocity"), r.Bool("note on"), r.U8("channel"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() =>
        Note > 127 ? $"note {Note} is above 127"
        : !(Velocity is >= 0f and <= 1f) ? $"velocity {Velocity} is outside 0..1"
        : Channel > 15 ? $"channel {Channel} is above 15"
        : null;
}
