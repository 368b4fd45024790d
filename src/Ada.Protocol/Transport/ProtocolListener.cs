using System.Net.Sockets;

namespace Ada.Protocol.Transport;

/// <summary>
/// The service's listening Unix domain socket. Binding replaces a stale socket file left by a crashed
/// service but refuses one that still answers; disposing removes the file.
/// </summary>
public sealed class ProtocolListener : IDisposable
{
    private readonly Socket _socket;

    private ProtocolListener(Socket socket, string path)
    {
        _socket = socket;
        Path = path;
    }

    /// <summary>The socket file path.</summary>
    public string Path { get; }

    /// <summary>Binds and listens at <paramref name="path"/>, creating its folder; throws <see cref="IOException"/> when another service owns it.</summary>
    public static ProtocolListener Bind(string path, int backlog = 16)
    {
        if (ProtocolPaths.CheckSocketPath(path) is { } problem) throw new ArgumentException($"Cannot listen: {problem}.", nameof(path));
        string? folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        if (File.Exists(path)) RemoveStale(path);

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(backlog);
            return new ProtocolListener(socket, path);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new IOException($"Cannot listen on socket '{path}': {e.SocketErrorCode} ({e.Message}).", e);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a client; null on timeout. Sends of the accepted socket time out after <paramref name="sendTimeout"/>.</summary>
    public ProtocolSocket? Accept(TimeSpan timeout, TimeSpan sendTimeout)
    {
        int micros = timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Clamp(timeout.TotalMicroseconds, 0, int.MaxValue);
        return _socket.Poll(micros, SelectMode.SelectRead) ? new ProtocolSocket(_socket.Accept(), sendTimeout) : null;
    }

    /// <summary>Stops listening and deletes the socket file.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        try { File.Delete(Path); }
        catch (IOException) { } // Already gone or replaced: nothing of ours is left to clean.
    }

    private static void RemoveStale(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            File.Delete(path); // Nobody answers: a crashed service left it behind.
            return;
        }
        throw new IOException($"Cannot listen on socket '{path}': another service is already listening there.");
    }
}
