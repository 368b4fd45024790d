using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Protocol.Transport;
using Ada.Service.Models;
using Ada.Service.Streaming;

namespace Ada.Service.Sessions;

/// <summary>
/// One client's protocol state: handshake, loaded preset, armed takes and their rings, transport, MIDI, primers. Every
/// handler runs on the connection's thread; a refused request throws <see cref="RequestException"/> (answered with an
/// Error by <see cref="ClientConnection"/>). Partial files hold the handlers by concern.
/// </summary>
internal sealed partial class Session : IDisposable
{
    private const int MidiHistory = 256;
    private readonly ServiceContext _ctx;
    private readonly ProtocolSocket _socket;
    private readonly PlaybackState _playback = new();
    private readonly Dictionary<ulong, RingFeeder> _rings = [];
    private readonly Prerenders _prerenders;
    private readonly PrimerIntake _primers;
    private readonly Queue<MidiEventMessage> _midi = new();
    private readonly Dictionary<uint, double> _parameters = [];
    private HelloMessage? _hello;
    private double _hostRate;
    private long _position;
    private ResolvedPreset? _preset;

    /// <summary>Smallest temperature scale a client may set (the plug-in's Temperature range).</summary>
    public const double MinTemperatureScale = 0.1;

    /// <summary>Largest temperature scale a client may set.</summary>
    public const double MaxTemperatureScale = 2.0;
    private ulong? _lastSeed;
    private ContentHash _lastPrimer;
    private string _lastError = "";

    /// <summary>A session for client <paramref name="id"/> talking over <paramref name="socket"/>.</summary>
    public Session(int id, ProtocolSocket socket, ServiceContext ctx)
    {
        Id = id;
        _socket = socket;
        _ctx = ctx;
        _prerenders = new Prerenders(ctx.Takes, id, ctx.Options.MaxPrerendersPerClient);
        _primers = new PrimerIntake(ctx.Primers, ctx.Options.MaxPrimerFrames);
    }

    /// <summary>Client number (unique per service run).</summary>
    public int Id { get; }

    /// <summary>True once Hello was accepted.</summary>
    public bool SaidHello => _hello is not null;

    /// <summary>True after Goodbye or a failed send: the connection should close.</summary>
    public bool IsClosing { get; private set; }

    /// <summary>For logs: the client's name and pid.</summary>
    public string Name => _hello is { } h ? $"client {Id} '{h.ClientName}' (pid {h.ProcessId})" : $"client {Id}";

    /// <summary>Sends a reply (or unsolicited message); a failed send marks the session closing.</summary>
    public void Send<T>(in T message, uint requestId) where T : struct, IProtocolMessage<T>
    {
        if (IsClosing) return;
        if (_socket.TrySend(message, requestId, out var error)) return;
        IsClosing = true;
        _ctx.Log($"{Name}: {error}; closing");
    }

    /// <summary>Answers request <paramref name="requestId"/> with an Error and remembers it for Status.</summary>
    public void SendError(ErrorCode code, string message, uint requestId)
    {
        _lastError = message;
        _ctx.Metrics.AddErrorSent();
        Send(new ErrorMessage(code, ProtocolText.Fit(message, ProtocolLimits.MaxMessageBytes)), requestId);
    }

    /// <summary>Deletes the client's rings and cancels its pre-renders (other clients' claims on the same takes stay).</summary>
    public void Dispose()
    {
        foreach (var takeId in _rings.Keys.ToArray()) CloseRing(takeId);
        _prerenders.Dispose();
    }

    /// <summary>Client → service Error: logged, never answered (two peers must not bounce errors forever).</summary>
    public void OnError(in ErrorMessage error) => _ctx.Log($"{Name} reported {error.Code}: {error.Message}");

    /// <summary>A service → client message sent by the client.</summary>
    public static RequestException WrongDirection(MessageType type) =>
        new(ErrorCode.BadRequest, $"{type} is a service-to-client message");

    private void CloseRing(ulong takeId)
    {
        if (!_rings.Remove(takeId, out var feeder)) return;
        _ctx.Pump.Remove(feeder);
        feeder.Dispose();
        _ctx.Metrics.RingClosed();
    }
}
