using Ada.Protocol.Wire;

namespace Ada.Protocol.Messages;

/// <summary>
/// Service → client, reply to <see cref="StatusRequestMessage"/> and to <see cref="LoadPresetMessage"/>: health, buffering and
/// (protocol 3) the checkpoint the loaded preset resolved to.
/// </summary>
/// <param name="Connected">True when the service has a compute device and a loaded model for this client.</param>
/// <param name="Device">The compute device, e.g. "cpu (AVX-512)".</param>
/// <param name="BufferDepthFrames">Frames rendered ahead in this client's rings (the smallest over its armed takes).</param>
/// <param name="Underruns">Underruns the client's rings reported so far.</param>
/// <param name="LastError">The last error the service hit for this client, or empty.</param>
/// <param name="Checkpoint">
/// Protocol 3: the content hash of the model the client's loaded preset resolved to (what a saved project sends back as
/// <see cref="LoadPresetMessage.ExpectedCheckpoint"/>); <see cref="ContentHash.None"/> when no preset is loaded. Version 1
/// and 2 frames have no such field and mean None.
/// </param>
public readonly record struct StatusMessage(bool Connected, string Device, long BufferDepthFrames, ulong Underruns, string LastError,
    ContentHash Checkpoint = default) : IProtocolMessage<StatusMessage>
{
    /// <inheritdoc />
    public static MessageType Type => MessageType.Status;

    /// <summary>True when the message sets a protocol 3 field (a checkpoint hash).</summary>
    public bool UsesCheckpoint => !Checkpoint.IsNone;

    /// <inheritdoc />
    public int GetPayloadSize() => GetPayloadSize(this, ProtocolVersion.Current);

    /// <inheritdoc />
    public int Write(Span<byte> payload) => Write(this, payload, ProtocolVersion.Current);

    /// <inheritdoc />
    public static bool TryRead(ReadOnlySpan<byte> payload, out StatusMessage message, out ProtocolError error) =>
        TryRead(payload, ProtocolVersion.Current, out message, out error);

    /// <summary>Versions 1 and 2: connected, device, buffer depth, underruns, last error; version 3 appends the checkpoint hash.</summary>
    public static int GetPayloadSize(in StatusMessage message, ushort version) =>
        1 + WireSize.String(message.Device) + 8 + 8 + WireSize.String(message.LastError) + (HasCheckpoint(version) ? ContentHash.Size : 0);

    /// <inheritdoc cref="IProtocolMessage{TSelf}.Write(in TSelf, Span{byte}, ushort)" />
    public static int Write(in StatusMessage message, Span<byte> payload, ushort version)
    {
        var w = new WireWriter(payload, Type, message.Problem(version));
        w.Bool(message.Connected);
        w.String(message.Device, ProtocolLimits.MaxNameBytes, "device");
        w.I64(message.BufferDepthFrames);
        w.U64(message.Underruns);
        w.String(message.LastError, ProtocolLimits.MaxMessageBytes, "last error");
        if (HasCheckpoint(version)) w.Hash(message.Checkpoint);
        return w.Position;
    }

    /// <inheritdoc cref="IProtocolMessage{TSelf}.TryRead(ReadOnlySpan{byte}, ushort, out TSelf, out ProtocolError)" />
    public static bool TryRead(ReadOnlySpan<byte> payload, ushort version, out StatusMessage message, out ProtocolError error)
    {
        var r = new WireReader(payload, Type);
        var m = new StatusMessage(r.Bool("connected"), r.String(ProtocolLimits.MaxNameBytes, "device"),
            r.I64("buffer depth frames"), r.U64("underruns"), r.String(ProtocolLimits.MaxMessageBytes, "last error"));
        // Only a version 3 frame has the hash; an older payload carrying it fails as trailing bytes.
        if (HasCheckpoint(version)) m = m with { Checkpoint = r.Hash("checkpoint") };
        return r.Finish(m, m.Problem(version), out message, out error);
    }

    private static bool HasCheckpoint(ushort version) => version >= ProtocolVersion.StatusCheckpoint;

    private string? Problem(ushort version) =>
        Device is null ? "device is null"
        : BufferDepthFrames < 0 ? $"buffer depth {BufferDepthFrames} is negative"
        : LastError is null ? "last error is null"
        : UsesCheckpoint && !HasCheckpoint(version)
            ? $"checkpoint {Checkpoint} needs protocol version {ProtocolVersion.StatusCheckpoint}, the frame is version {version}"
        : null;
}
