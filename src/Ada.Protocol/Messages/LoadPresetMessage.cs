using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>Client → service: load a preset for one plugin instance.</summary>
/// <param name="InstanceId">The plugin instance (stable across project reloads, kept in the plugin state).</param>
/// <param name="Preset">Preset name (from the preset library) or path to a preset file.</param>
/// <param name="ExpectedCheckpoint">SHA-256 of the checkpoint the preset must resolve to; <see cref="ContentHash.None"/> to accept any.</param>
public readonly record struct LoadPresetMessage(ulong InstanceId, string Preset, ContentHash ExpectedCheckpoint)
    : IProtocolMessage<LoadPresetMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.LoadPreset;

    /// <inheritdoc />
    public int GetPayloadSize() => 8 + WireSize.String(Preset) + ContentHash.Size;

    /// <inheritdoc />
    public int Write(Span<byte> payload)
    {
        var w = new WireWriter(payload, Type, Problem());
        w.U64(InstanceId);
        w.String(Preset, ProtocolLimits.MaxPathBytes, "preset");
        w.Hash(ExpectedCheckpoint);
        return w.Position;
    }

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out LoadPresetMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new LoadPresetMessage(r.U64("instance id"), r.String(ProtocolLimits.MaxPathBytes, "preset"),
            r.Hash("expected checkpoint"));
        return r.Finish(m, m.Problem(), out message, out error);
    }

    private string? Problem() => string.IsNullOrEmpty(Preset) ? "preset is empty" : null;
}
