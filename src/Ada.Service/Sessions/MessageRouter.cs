using Ada.Protocol;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Service.Sessions;

/// <summary>Decodes a frame by its type and calls the session's handler; a payload that does not decode is a BadRequest.</summary>
internal static class MessageRouter
{
    /// <summary>Handles one frame; throws <see cref="RequestException"/> for a request the service refuses.</summary>
    public static void Dispatch(Session session, Frame frame)
    {
        uint id = frame.RequestId;
        if (!session.SaidHello && frame.Type is not (MessageType.Hello or MessageType.Goodbye))
            throw new RequestException(ErrorCode.BadRequest, $"{frame.Type} before Hello: send Hello first");
        switch (frame.Type)
        {
            case MessageType.Hello: session.OnHello(Decode<HelloMessage>(frame), id); break;
            case MessageType.LoadPreset: session.OnLoadPreset(Decode<LoadPresetMessage>(frame), id); break;
            case MessageType.SetParameter: session.OnSetParameter(Decode<SetParameterMessage>(frame)); break;
            case MessageType.Transport: session.OnTransport(Decode<TransportMessage>(frame)); break;
            case MessageType.MidiEvent: session.OnMidiEvent(Decode<MidiEventMessage>(frame)); break;
            case MessageType.ArmTake: session.OnArmTake(Decode<ArmTakeMessage>(frame), id); break;
            case MessageType.PrimerChunk: session.OnPrimerChunk(Decode<PrimerChunkMessage>(frame)); break;
            case MessageType.Seek: session.OnSeek(Decode<SeekMessage>(frame)); break;
            case MessageType.Start: Decode<StartMessage>(frame); session.OnStart(); break;
            case MessageType.Stop: Decode<StopMessage>(frame); session.OnStop(); break;
            case MessageType.StatusRequest: Decode<StatusRequestMessage>(frame); session.OnStatusRequest(id); break;
            case MessageType.Heartbeat: Decode<HeartbeatMessage>(frame); break; // Liveness only: the connection noted the frame.
            case MessageType.Goodbye: Decode<GoodbyeMessage>(frame); session.OnGoodbye(id); break;
            case MessageType.Error: session.OnError(Decode<ErrorMessage>(frame)); break;
            case MessageType.HelloReply or MessageType.RingAttached or MessageType.Status: throw Session.WrongDirection(frame.Type);
            default: throw new RequestException(ErrorCode.BadRequest, $"message type {(ushort)frame.Type} is not handled");
        }
    }

    private static T Decode<T>(Frame frame) where T : struct, IProtocolMessage<T> =>
        frame.TryDecode(out T message, out var error) ? message : throw new RequestException(ErrorCode.BadRequest, $"{T.Type}: {error.Message}");
}
