using Ada.Protocol.Framing;
using Ada.Protocol.Transport;

namespace Ada.Protocol.Tests.Support;

/// <summary>A sample message of one type, with type-erased encode/decode for table-driven tests.</summary>
public interface IMessageCase
{
    MessageType Type { get; }

    /// <summary>The protocol version the sample is framed in.</summary>
    ushort Version { get; }

    byte[] Encode(uint requestId);

    bool Send(ProtocolSocket socket, uint requestId, out ProtocolError error);

    /// <summary>Decodes a frame as this case's type and says whether it equals the sample.</summary>
    bool DecodesToSample(Frame frame, out ProtocolError error);
}

/// <summary>An <see cref="IMessageCase"/> for message type <typeparamref name="T"/>, framed in <paramref name="version"/>.</summary>
public sealed class MessageCase<T>(T sample, ushort version = ProtocolVersion.Current) : IMessageCase where T : struct, IProtocolMessage<T>
{
    public T Sample { get; } = sample;

    public MessageType Type => T.Type;

    public ushort Version { get; } = version;

    public byte[] Encode(uint requestId) => FrameCodec.Encode(Sample, requestId, Version);

    public bool Send(ProtocolSocket socket, uint requestId, out ProtocolError error) => socket.TrySend(Sample, requestId, out error);

    public bool DecodesToSample(Frame frame, out ProtocolError error) =>
        frame.TryDecode(out T decoded, out error) && decoded.Equals(Sample);

    public override string ToString() => Version == ProtocolVersion.Current ? T.Type.ToString() : $"{T.Type} v{Version}";
}
