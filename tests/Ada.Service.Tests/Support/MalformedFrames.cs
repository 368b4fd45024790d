using System.Buffers.Binary;
using Ada.Protocol;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Service.Tests.Support;

/// <summary>How a generated frame is broken, which decides what the service must do with it.</summary>
public enum Malformation
{
    /// <summary>A good header with a payload that does not decode: answered with an Error, connection kept.</summary>
    Payload,
    /// <summary>A header that is not one of ours (magic, version, type, oversize length): Error, then the connection closes.</summary>
    Header,
    /// <summary>A frame cut short and the stream ended: the connection closes.</summary>
    Truncated,
}

/// <summary>Random broken frames, built from one valid frame of every message type.</summary>
public static class MalformedFrames
{
    private static readonly ContentHash Hash = ContentHash.Of("x"u8);

    private static readonly Func<uint, byte[]>[] Valid =
    [
        id => FrameCodec.Encode(new HelloMessage(1, 1, ClientKind.Test, "x", 1, 44_100, 512), id),
        id => FrameCodec.Encode(new HelloReplyMessage(1, "v", "d"), id),
        id => FrameCodec.Encode(new LoadPresetMessage(1, "tiny", Hash), id),
        id => FrameCodec.Encode(new SetParameterMessage(1, 0.5), id),
        id => FrameCodec.Encode(new TransportMessage(true, 120, 0, 0, 4, 4, 44_100), id),
        id => FrameCodec.Encode(new MidiEventMessage(0, 60, 1, true, 0), id),
        id => FrameCodec.Encode(new ArmTakeMessage(1, "tiny", 1, 0, Hash), id),
        id => FrameCodec.Encode(new RingAttachedMessage(1, "/x", 1024, 2, 44_100), id),
        id => FrameCodec.Encode(new PrimerChunkMessage(Hash, 0, 2, 16_000, 1, [0f, 0.5f]), id),
        id => FrameCodec.Encode(new SeekMessage(5), id),
        id => FrameCodec.Encode(new StartMessage(), id),
        id => FrameCodec.Encode(new StopMessage(), id),
        id => FrameCodec.Encode(new StatusRequestMessage(), id),
        id => FrameCodec.Encode(new StatusMessage(true, "d", 1, 2, "e"), id),
        id => FrameCodec.Encode(new ErrorMessage(ErrorCode.BadRequest, "x"), id),
        id => FrameCodec.Encode(new HeartbeatMessage(1), id),
        id => FrameCodec.Encode(new GoodbyeMessage(), id),
    ];

    public static (byte[] Bytes, Malformation Kind) Next(Random rng, uint requestId) => rng.Next(10) switch
    {
        < 6 => (BadPayload(rng, requestId), Malformation.Payload),
        < 8 => (BadHeader(rng, requestId), Malformation.Header),
        _ => (Truncated(rng, requestId), Malformation.Truncated),
    };

    private static byte[] BadPayload(Random rng, uint requestId)
    {
        while (true)
        {
            var valid = Valid[rng.Next(Valid.Length)](requestId);
            var header = valid.AsSpan(0, ProtocolLimits.HeaderSize);
            var payload = valid[ProtocolLimits.HeaderSize..].ToList();
            switch (rng.Next(4))
            {
                case 0: payload = Enumerable.Range(0, rng.Next(80)).Select(_ => (byte)rng.Next(256)).ToList(); break;
                case 1 when payload.Count > 0: int cut = rng.Next(payload.Count); payload.RemoveRange(cut, payload.Count - cut); break;
                case 2: payload.AddRange(Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => (byte)rng.Next(256))); break;
                default: if (payload.Count > 0) payload[rng.Next(payload.Count)] ^= (byte)(1 + rng.Next(255)); break;
            }
            var bytes = new byte[ProtocolLimits.HeaderSize + payload.Count];
            header.CopyTo(bytes);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)payload.Count);
            payload.CopyTo(bytes, ProtocolLimits.HeaderSize);
            if (FrameCodec.TryParse(bytes, out var frame, out _) && !Decodes(frame)) return bytes;
        }
    }

    private static byte[] BadHeader(Random rng, uint requestId)
    {
        var bytes = Valid[rng.Next(Valid.Length)](requestId);
        var span = bytes.AsSpan();
        switch (rng.Next(4))
        {
            case 0: BinaryPrimitives.WriteUInt32LittleEndian(span, FrameHeader.Magic ^ (uint)(1 + rng.Next(int.MaxValue))); break;
            case 1: BinaryPrimitives.WriteUInt16LittleEndian(span[4..], rng.Next(2) == 0 ? (ushort)0 : (ushort)rng.Next(ProtocolVersion.Current + 1, 65536)); break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span[6..], rng.Next(2) == 0 ? (ushort)0 : (ushort)rng.Next((int)MessageTypes.Last + 1, 65536)); break;
            default: BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)rng.Next(ProtocolLimits.MaxPayloadSize + 1, int.MaxValue)); break;
        }
        return bytes;
    }

    private static byte[] Truncated(Random rng, uint requestId)
    {
        var bytes = Valid[rng.Next(Valid.Length)](requestId);
        return bytes[..rng.Next(1, bytes.Length)];
    }

    /// <summary>True when the frame is a well-formed message of its type (then it is not garbage).</summary>
    public static bool Decodes(Frame frame) => frame.Type switch
    {
        MessageType.Hello => frame.TryDecode<HelloMessage>(out _, out _),
        MessageType.HelloReply => frame.TryDecode<HelloReplyMessage>(out _, out _),
        MessageType.LoadPreset => frame.TryDecode<LoadPresetMessage>(out _, out _),
        MessageType.SetParameter => frame.TryDecode<SetParameterMessage>(out _, out _),
        MessageType.Transport => frame.TryDecode<TransportMessage>(out _, out _),
        MessageType.MidiEvent => frame.TryDecode<MidiEventMessage>(out _, out _),
        MessageType.ArmTake => frame.TryDecode<ArmTakeMessage>(out _, out _),
        MessageType.RingAttached => frame.TryDecode<RingAttachedMessage>(out _, out _),
        MessageType.PrimerChunk => frame.TryDecode<PrimerChunkMessage>(out _, out _),
        MessageType.Seek => frame.TryDecode<SeekMessage>(out _, out _),
        MessageType.Start => frame.TryDecode<StartMessage>(out _, out _),
        MessageType.Stop => frame.TryDecode<StopMessage>(out _, out _),
        MessageType.StatusRequest => frame.TryDecode<StatusRequestMessage>(out _, out _),
        MessageType.Status => frame.TryDecode<StatusMessage>(out _, out _),
        MessageType.Error => frame.TryDecode<ErrorMessage>(out _, out _),
        MessageType.Heartbeat => frame.TryDecode<HeartbeatMessage>(out _, out _),
        MessageType.Goodbye => frame.TryDecode<GoodbyeMessage>(out _, out _),
        _ => false,
    };
}
