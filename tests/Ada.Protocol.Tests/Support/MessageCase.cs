using Ada.Protocol.Framing;
using Ada.Protocol.Transport;

namespace Ada.Protocol.Tests.Support;

/// <summary>A sample message of one type, with type-erased encode/decode for table-driven tests.</summary>
public interface IMessageCase
{
    MessageType Type { get; }

    byte[] Encode(uint requestId);

    bool Send(ProtocolSocket socket, uint requestId, out ProtocolError error);

    /// <summary>Decodes a frame as this case's type and says whether it equals the sample.</summary>
    bool DecodesToSample(Frame frame, out ProtocolError error);
}

/// <summary>An <see cref="IMessageCase"/> for message type <typeparamref name="T"/>.</summary>
public sealed class MessageCase<T>(T sample) : IMessageCase where T : struct, IProtocolMessage<T>
{
    public T Sample { get; } = sample;

    public MessageType Type => T.Type;

    public byte[] Encode(uint requestId) => FrameCodec.Encode(Sample, requestId);

    public bool Send(ProtocolSocket socket, uint requestId, out ProtocolError error) => socket.TrySend(Sample, requestId, out error);

    public bool DecodesToSample(Frame frame, out ProtocolError error) =>
        frame.TryDecode(out T decoded, out error) && decoded.Equals(Sample);

    public override string ToString() => T.Type.ToString();
}
