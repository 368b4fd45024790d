using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: playback jumped; stream from this project sample (the service starts a new ring segment).</summary>
/// <param name="ProjectSample">The new play position, in host samples.</param>
public readonly record struct SeekMessage(long ProjectSample) : IProtocolMessage<SeekMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Seek;

    /// <inheritdoc />
    public int GetPayloadSize() => 8;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, null);
        w.I64(ProjectSample);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out SeekMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new SeekMessage(r.I64("project sample"));
        return r.Finish(m, null, out message, out error);
    }
}
