using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Protocol.Tests.Support;

/// <summary>Decodes a frame of any type (what a service's dispatch switch does) and re-encodes it.</summary>
public static class AnyMessage
{
    /// <summary>On success, the frame re-encoded from the decoded message (must equal the input: the encoding is canonical).</summary>
    public static bool TryDecode(Frame frame, out byte[] reencoded, out ProtocolError error) => frame.Type switch
    {
        MessageType.Hello => Decode<HelloMessage>(frame, out reencoded, out error),
        MessageType.HelloReply => Decode<HelloReplyMessage>(frame, out reencoded, out error),
        MessageType.LoadPreset => Decode<LoadPresetMessage>(frame, out reencoded, out error),
        MessageType.SetParameter => Decode<SetParameterMessage>(frame, out reencoded, out error),
        MessageType.Transport => Decode<TransportMessage>(frame, out reencoded, out error),
        MessageType.MidiEvent => Decode<MidiEventMessage>(frame, out reencoded, out error),
        MessageType.ArmTake => Decode<ArmTakeMessage>(frame, out reencoded, out error),
        MessageType.RingAttached => Decode<RingAttachedMessage>(frame, out reencoded, out error),
        MessageType.PrimerChunk => Decode<PrimerChunkMessage>(frame, out reencoded, out error),
        MessageType.Seek => Decode<SeekMessage>(frame, out reencoded, out error),
        MessageType.Start => Decode<StartMessage>(frame, out reencoded, out error),
        MessageType.Stop => Decode<StopMessage>(frame, out reencoded, out error),
        MessageType.StatusRequest => Decode<StatusRequestMessage>(frame, out reencoded, out error),
        MessageType.Status => Decode<StatusMessage>(frame, out reencoded, out error),
        MessageType.Error => Decode<ErrorMessage>(frame, out reencoded, out error),
        MessageType.Heartbeat => Decode<HeartbeatMessage>(frame, out reencoded, out error),
        MessageType.Goodbye => Decode<GoodbyeMessage>(frame, out reencoded, out error),
        _ => throw new AssertionException($"test dispatch lacks {frame.Type}"),
    };

    private static bool Decode<T>(Frame frame, out byte[] reencoded, out ProtocolError error) where T : struct, IProtocolMessage<T>
    {
        reencoded = [];
        if (!frame.TryDecode(out T message, out error)) return false;
        reencoded = FrameCodec.Encode(message, frame.RequestId, frame.Header.Version);
        return true;
    }
}
