using System.Net.Sockets;
using Ada.Protocol;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Service.Tests.Support;

/// <summary>A client on a bare socket that can send arbitrary bytes, for feeding the service garbage.</summary>
public sealed class RawConnection : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly FrameReader _reader = new();

    public RawConnection(string path)
    {
        _socket.ReceiveTimeout = (int)TestClient.Timeout.TotalMilliseconds;
        _socket.Connect(new UnixDomainSocketEndPoint(path));
    }

    /// <summary>Connects and completes the handshake.</summary>
    public static RawConnection Hello(string path)
    {
        var raw = new RawConnection(path);
        raw.Send(FrameCodec.Encode(new HelloMessage(1, 1, ClientKind.Test, "raw", Environment.ProcessId, 44_100, 0), 1));
        Assert.That(raw.ReadFrame()?.Type, Is.EqualTo(MessageType.HelloReply));
        return raw;
    }

    public void Send(ReadOnlySpan<byte> bytes) => _socket.Send(bytes);

    /// <summary>Ends our side of the stream, so the service sees end-of-file.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>The next frame that is not a heartbeat, or null when the service closed the connection.</summary>
    public Frame? ReadFrame()
    {
        while (true)
        {
            var status = _reader.TryReadFrame(out var frame, out var error);
            Assert.That(status, Is.Not.EqualTo(FrameReadStatus.Error), $"the service sent a malformed frame: {error}");
            if (status == FrameReadStatus.Frame)
            {
                if (frame.Type == MessageType.Heartbeat) continue;
                return frame;
            }
            int received;
            try { received = _socket.Receive(_reader.GetReceiveBuffer()); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset) { return null; }
            if (received == 0) return null;
            _reader.Advance(received);
        }
    }

    public void Dispose() => _socket.Dispose();
}
