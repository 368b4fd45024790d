using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: a plugin parameter changed.</summary>
/// <param name="ParameterId">The VST3 parameter id.</param>
/// <param name="Value">The new value (plain, not normalised; finite).</param>
public readonly record struct SetParameterMessage(uint ParameterId, double Value) : IProtocolMessage<SetParameterMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.SetParameter;

    /// <inheritdoc />
    public int GetPayloadSize() => 4 + 8;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U32(ParameterId);
        w.F64(Value);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out SetParameterMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new SetParameterMessage(r.U32("parameter id"), r.F64("value"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() => double.IsFinite(Value) ? null : $"value {Value} is not finite";
}
