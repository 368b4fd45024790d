using System.Diagnostics;
using Ada.Protocol;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using Ada.Protocol.Transport;

namespace Ada.Service.Sessions;

/// <summary>
/// One client's connection thread: receives frames and hands them to its <see cref="Session"/>, answers every refused or
/// malformed request with an Error, sends heartbeats, and drops the client when it closes the socket, sends a frame
/// that cannot be parsed (the byte stream cannot be resynchronised), or goes silent for longer than the client timeout.
/// Nothing a client sends can take more than its own connection down.
/// </summary>
internal sealed class ClientConnection(int id, ProtocolSocket socket, ServiceContext ctx)
{
    /// <summary>Client number.</summary>
    public int Id { get; } = id;

    /// <summary>Serves the client until it leaves or the socket is closed; always disposes the session and socket.</summary>
    public void Run()
    {
        var options = ctx.Options;
        var poll = TimeSpan.FromTicks(Math.Min(options.HeartbeatInterval.Ticks, TimeSpan.FromMilliseconds(100).Ticks));
        var session = new Session(Id, socket, ctx);
        long lastHeard = Stopwatch.GetTimestamp(), lastBeat = lastHeard;
        ulong beats = 0;
        try
        {
            while (!session.IsClosing)
            {
                if (socket.TryReceive(poll, out var frame, out var error))
                {
                    lastHeard = Stopwatch.GetTimestamp();
                    Handle(session, frame);
                }
                else if (error.Code != ProtocolErrorCode.Timeout)
                {
                    if (IsMalformed(error.Code))
                        session.SendError(ErrorCode.BadRequest, $"malformed frame ({error}); closing the connection", 0);
                    break;
                }
                else if (Stopwatch.GetElapsedTime(lastHeard) > options.ClientTimeout)
                {
                    ctx.Metrics.AddClientTimedOut();
                    ctx.Log($"{session.Name}: silent for {options.ClientTimeout.TotalSeconds:0.#} s; dropping it");
                    break;
                }
                if (session.SaidHello && Stopwatch.GetElapsedTime(lastBeat) >= options.HeartbeatInterval)
                {
                    session.Send(new HeartbeatMessage(++beats), 0);
                    lastBeat = Stopwatch.GetTimestamp();
                }
            }
        }
        finally
        {
            session.Dispose();
            socket.Dispose();
            ctx.Log($"{session.Name} disconnected");
        }
    }

    /// <summary>Closes the socket from another thread; the connection thread then ends.</summary>
    public void Close() => socket.Dispose();

    private void Handle(Session session, Frame frame)
    {
        try
        {
            MessageRouter.Dispatch(session, frame);
        }
        catch (RequestException e)
        {
            session.SendError(e.Code, e.Message, frame.RequestId);
        }
        catch (Exception e)
        {
            ctx.Log($"{session.Name}: handling {frame.Type} failed: {e}");
            session.SendError(ErrorCode.Internal, $"{frame.Type} failed inside the service: {e.Message}", frame.RequestId);
        }
    }

    /// <summary>Errors that mean the bytes were not a frame of ours (as opposed to the peer or the socket going away).</summary>
    private static bool IsMalformed(ProtocolErrorCode code) => code is ProtocolErrorCode.BadMagic or ProtocolErrorCode.UnsupportedVersion
        or ProtocolErrorCode.UnknownMessageType or ProtocolErrorCode.PayloadTooLarge or ProtocolErrorCode.Truncated
        or ProtocolErrorCode.StreamFaulted;
}
