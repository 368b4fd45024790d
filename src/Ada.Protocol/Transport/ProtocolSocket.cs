using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;

namespace Ada.Protocol.Transport;

/// <summary>
/// One end of a control connection: a connected Unix domain socket that sends and receives whole frames,
/// blocking with timeouts. Sending is thread-safe; receive from one thread only. Never use it on the audio thread.
/// </summary>
/// <remarks>
/// Windows 10 (1803+) supports AF_UNIX sockets through the same <see cref="UnixDomainSocketEndPoint"/>, so this
/// class is used unchanged there (compile-checked, not tested on Windows). Any send or receive failure leaves
/// the byte stream in an unknown state: dispose the connection and reconnect.
/// </remarks>
public sealed class ProtocolSocket : IDisposable
{
    private readonly Socket _socket;
    private readonly FrameReader _reader = new();
    private readonly byte[] _sendBuffer = new byte[ProtocolLimits.MaxFrameSize];
    private readonly Lock _sendLock = new();

    internal ProtocolSocket(Socket socket, TimeSpan sendTimeout)
    {
        _socket = socket;
        _socket.SendTimeout = ToMilliseconds(sendTimeout);
    }

    /// <summary>Version stamped on outgoing frames: <see cref="ProtocolVersion.Min"/> until the handshake chooses one.</summary>
    public ushort Version { get; set; } = ProtocolVersion.Min;

    /// <summary>Connects to a listening service; false (with the reason) when nothing listens there or the timeout passes.</summary>
    public static bool TryConnect(string path, TimeSpan timeout, [NotNullWhen(true)] out ProtocolSocket? connection, out ProtocolError error)
    {
        connection = null;
        if (ProtocolPaths.CheckSocketPath(path) is { } problem)
            return ProtocolError.Fail(ProtocolErrorCode.SocketError, problem, out error);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cts.Token).AsTask().GetAwaiter().GetResult();
            connection = new ProtocolSocket(socket, timeout);
            error = ProtocolError.None;
            return true;
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            return ProtocolError.Fail(ProtocolErrorCode.Timeout, $"no connection to '{path}' within {timeout.TotalMilliseconds:0} ms", out error);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return ProtocolError.Fail(ProtocolErrorCode.SocketError, $"cannot connect to '{path}': {e.SocketErrorCode} ({e.Message})", out error);
        }
    }

    /// <summary>
    /// Sends one frame; false (with the reason) on a socket error or when the send timeout passes.
    /// An invalid message is a caller bug and throws <see cref="ArgumentException"/>.
    /// </summary>
    public bool TrySend<T>(in T message, uint requestId, out ProtocolError error) where T : struct, IProtocolMessage<T>
    {
        lock (_sendLock)
        {
            int length = FrameCodec.Encode(message, requestId, _sendBuffer, Version);
            try
            {
                for (int sent = 0; sent < length;)
                    sent += _socket.Send(_sendBuffer, sent, length - sent, SocketFlags.None);
            }
            catch (SocketException e)
            {
                var code = e.SocketErrorCode == SocketError.TimedOut ? ProtocolErrorCode.Timeout : ProtocolErrorCode.SocketError;
                return ProtocolError.Fail(code, $"sending {T.Type} failed: {e.SocketErrorCode}", out error);
            }
            catch (ObjectDisposedException)
            {
                return ProtocolError.Fail(ProtocolErrorCode.ConnectionClosed, $"sending {T.Type} on a closed connection", out error);
            }
        }
        error = ProtocolError.None;
        return true;
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/> for ever) for the next frame.
    /// Failure codes: Timeout, ConnectionClosed, SocketError, or the framing error of a malformed stream.
    /// </summary>
    public bool TryReceive(TimeSpan timeout, out Frame frame, out ProtocolError error)
    {
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = _reader.TryReadFrame(out frame, out error);
            if (status == FrameReadStatus.Frame) return true;
            if (status == FrameReadStatus.Error) return false;
            if (!WaitReadable(start, timeout))
                return ProtocolError.Fail(ProtocolErrorCode.Timeout, $"no complete frame within {timeout.TotalMilliseconds:0} ms", out error);
            int received;
            try
            {
                received = _socket.Receive(_reader.GetReceiveBuffer(), SocketFlags.None);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return ProtocolError.Fail(ProtocolErrorCode.SocketError, $"receiving failed: {e.Message}", out error);
            }
            if (received == 0)
                return ProtocolError.Fail(ProtocolErrorCode.ConnectionClosed,
                    _reader.BufferedBytes == 0 ? "the peer closed the connection" : $"the peer closed the connection mid-frame ({_reader.BufferedBytes} bytes pending)",
                    out error);
            _reader.Advance(received);
        }
    }

    /// <summary>Receives the next frame and decodes it as <typeparamref name="T"/>; an <c>Error</c> reply becomes a PeerError.</summary>
    public bool TryReceive<T>(TimeSpan timeout, out T message, out uint requestId, out ProtocolError error)
        where T : struct, IProtocolMessage<T>
    {
        message = default;
        requestId = 0;
        if (!TryReceive(timeout, out var frame, out error)) return false;
        requestId = frame.RequestId;
        if (frame.Type == MessageType.Error && T.Type != MessageType.Error)
        {
            error = frame.TryDecode(out ErrorMessage peer, out var decodeError)
                ? new ProtocolError(ProtocolErrorCode.PeerError, $"{peer.Code}: {peer.Message}")
                : decodeError;
            return false;
        }
        return frame.TryDecode(out message, out error);
    }

    /// <summary>
    /// Client side of the handshake: sends <paramref name="hello"/>, waits for the reply and adopts the chosen version.
    /// </summary>
    public bool TryHandshake(in HelloMessage hello, TimeSpan timeout, out HelloReplyMessage reply, out ProtocolError error)
    {
        reply = default;
        Version = ProtocolVersion.Min;
        if (!TrySend(hello, 1, out error) || !TryReceive(timeout, out reply, out _, out error)) return false;
        if (reply.Version < hello.MinVersion || reply.Version > hello.MaxVersion || !ProtocolVersion.IsSupported(reply.Version))
            return ProtocolError.Fail(ProtocolErrorCode.UnsupportedVersion, $"service chose version {reply.Version}, outside {hello.MinVersion}..{hello.MaxVersion}", out error);
        Version = reply.Version;
        return true;
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _socket.Dispose();

    private bool WaitReadable(long start, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan) return SafePoll(-1);
        // Past the deadline this is still a zero-wait poll, so a zero timeout drains data already queued.
        double micros = Math.Max(0, (timeout - Stopwatch.GetElapsedTime(start)).TotalMicroseconds);
        return SafePoll((int)Math.Min(micros, int.MaxValue));
    }

    private bool SafePoll(int micros)
    {
        try { return _socket.Poll(micros, SelectMode.SelectRead); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { return true; } // Receive reports it.
    }

    private static int ToMilliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? 0 : (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
}
