using Ada.Protocol.Messages;
using Ada.Protocol.Tests.Support;
using Ada.Protocol.Transport;

namespace Ada.Protocol.Tests.Transport;

/// <summary>Real Unix domain sockets between two threads of the test process.</summary>
public class SocketTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public void Handshake_then_every_message_type_round_trips_through_a_socket_and_is_echoed_back()
    {
        using var dir = new TempDirectory();
        using var listener = ProtocolListener.Bind(dir.File("s.sock"));
        var received = new List<(MessageType Type, bool Equal)>();
        var server = new Thread(() => EchoServer(listener, received));
        server.Start();

        Assert.That(ProtocolSocket.TryConnect(listener.Path, Timeout, out var client, out var error), Is.True, error.ToString());
        using (client)
        {
            var hello = new HelloMessage(1, 5, ClientKind.Test, "socket test", Environment.ProcessId, 48_000, 512);
            Assert.That(client!.TryHandshake(hello, Timeout, out var reply, out error), Is.True, error.ToString());
            Assert.That(reply.Version, Is.EqualTo(ProtocolVersion.Current));
            Assert.That(client.Version, Is.EqualTo(ProtocolVersion.Current));

            uint id = 100;
            foreach (var sample in SampleMessages.All)
            {
                Assert.That(sample.Send(client, id, out error), Is.True, error.ToString());
                Assert.That(client.TryReceive(Timeout, out var echo, out error), Is.True, error.ToString());
                Assert.That(echo.RequestId, Is.EqualTo(id++));
                Assert.That(sample.DecodesToSample(echo, out error), Is.True, $"{sample.Type}: {error}");
            }
        }
        Assert.That(server.Join(Timeout), Is.True);
        Assert.That(received, Is.EqualTo(SampleMessages.All.Select(c => (c.Type, true))));
    }

    [Test]
    public void Receive_times_out_with_a_timeout_code_when_nothing_arrives_and_sees_the_peer_close()
    {
        using var pair = new SocketPair();

        Assert.That(pair.Client.TryReceive(TimeSpan.FromMilliseconds(30), out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.Timeout));
        pair.Client.Dispose();
        Assert.That(pair.Peer.TryReceive(Timeout, out _, out error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.ConnectionClosed));
    }

    [Test]
    public void A_zero_timeout_still_reads_a_frame_already_queued_and_an_error_reply_becomes_a_peer_error()
    {
        using var pair = new SocketPair();

        // A Unix socket send completes into the peer's receive buffer, so the frame is there before the receive.
        Assert.That(pair.Client.TrySend(new ErrorMessage(ErrorCode.PresetNotFound, "no 'x'"), 42, out _), Is.True);
        Assert.That(pair.Peer.TryReceive(TimeSpan.Zero, out StatusMessage _, out uint id, out var error), Is.False);
        Assert.That(id, Is.EqualTo(42u));
        Assert.That(error, Is.EqualTo(new ProtocolError(ProtocolErrorCode.PeerError, "PresetNotFound: no 'x'")));
    }

    [Test]
    public void Handshake_fails_when_the_service_picks_a_version_outside_the_clients_range()
    {
        using var pair = new SocketPair();
        var server = new Thread(() =>
        {
            pair.Peer.TryReceive(Timeout, out HelloMessage _, out uint helloId, out _);
            pair.Peer.TrySend(new HelloReplyMessage(7, "future", "cpu"), helloId, out _);
        });
        server.Start();

        var hello = new HelloMessage(1, 1, ClientKind.Test, "t", 1, 0, 0);
        Assert.That(pair.Client.TryHandshake(hello, Timeout, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.UnsupportedVersion));
        Assert.That(pair.Client.Version, Is.EqualTo(ProtocolVersion.Min));
        Assert.That(server.Join(Timeout), Is.True);
    }

    [Test]
    public void Garbage_from_the_peer_is_a_framing_error_not_an_exception()
    {
        using var dir = new TempDirectory();
        using var listener = ProtocolListener.Bind(dir.File("s.sock"));
        using var raw = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        raw.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(listener.Path));
        using var peer = listener.Accept(Timeout, Timeout);
        raw.Send("GET / HTTP/1.1\r\n\r\n"u8);

        Assert.That(peer!.TryReceive(Timeout, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.BadMagic));
    }

    [Test]
    public void Connecting_where_nobody_listens_fails_with_a_socket_error()
    {
        using var dir = new TempDirectory();

        Assert.That(ProtocolSocket.TryConnect(dir.File("none.sock"), Timeout, out var client, out var error), Is.False);
        Assert.That(client, Is.Null);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.SocketError));
        Assert.That(error.Message, Does.Contain("none.sock"));
    }

    [Test]
    public void Bind_replaces_a_stale_socket_file_but_refuses_a_live_one_and_dispose_removes_it()
    {
        using var dir = new TempDirectory();
        string path = dir.File("s.sock");
        File.WriteAllText(path, "stale");

        using (var listener = ProtocolListener.Bind(path))
        {
            Assert.That(() => ProtocolListener.Bind(path), Throws.TypeOf<IOException>().With.Message.Contains("already listening"));
            Assert.That(ProtocolSocket.TryConnect(path, Timeout, out var client, out _), Is.True);
            client!.Dispose();
        }
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Too_long_socket_path_is_refused_with_the_limit_named()
    {
        string path = "/tmp/" + new string('x', 200) + ".sock";

        Assert.That(ProtocolSocket.TryConnect(path, Timeout, out _, out var error), Is.False);
        Assert.That(error.Message, Does.Contain($"OS limit is {ProtocolPaths.MaxSocketPathBytes}"));
    }

    private static void EchoServer(ProtocolListener listener, List<(MessageType, bool)> received)
    {
        using var peer = listener.Accept(Timeout, Timeout) ?? throw new InvalidOperationException("no client");
        if (!peer.TryReceive(Timeout, out HelloMessage hello, out uint helloId, out _)) return;
        ProtocolVersion.TryChoose(hello.MinVersion, hello.MaxVersion, out ushort version);
        peer.TrySend(new HelloReplyMessage(version, "test", "cpu"), helloId, out _);
        peer.Version = version;
        // Echo until the client hangs up.
        while (peer.TryReceive(Timeout, out var frame, out _))
        {
            var sample = SampleMessages.For(frame.Type);
            received.Add((frame.Type, sample.DecodesToSample(frame, out _)));
            sample.Send(peer, frame.RequestId, out _);
        }
    }
}
