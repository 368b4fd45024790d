using Ada.Protocol.Transport;

namespace Ada.Protocol.Tests.Support;

/// <summary>A listener in a temp folder with one connected client and the service-side socket it accepted.</summary>
public sealed class SocketPair : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();

    public SocketPair()
    {
        Listener = ProtocolListener.Bind(_dir.File("s.sock"));
        Assert.That(ProtocolSocket.TryConnect(Listener.Path, Timeout, out var client, out var error), Is.True, error.ToString());
        Client = client!;
        Peer = Listener.Accept(Timeout, Timeout) ?? throw new AssertionException("no connection accepted");
    }

    public ProtocolListener Listener { get; }

    public ProtocolSocket Client { get; }

    public ProtocolSocket Peer { get; }

    public void Dispose()
    {
        Client.Dispose();
        Peer.Dispose();
        Listener.Dispose();
        _dir.Dispose();
    }
}
