using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Protocol.Rings;
using Ada.Protocol.Transport;

namespace Ada.Service.Benchmarks;

/// <summary>
/// A plugin-like client for benchmarks: handshakes, arms one take, and plays its ring the way the plugin's audio thread
/// does (one <see cref="RingReader.ReadAt"/> per host block), counting underruns.
/// </summary>
internal sealed class SimulatedPlayer : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ProtocolSocket _socket;
    private readonly RingReader _ring;
    private readonly float[] _block;
    private ulong _heartbeats;
    private uint _requests = 1;

    /// <summary>Connects to <paramref name="socketPath"/> and arms take (<paramref name="preset"/>, <paramref name="seed"/>, <paramref name="variation"/>).</summary>
    public SimulatedPlayer(string socketPath, string preset, ulong seed, int variation, int hostRate, int blockFrames)
    {
        if (!ProtocolSocket.TryConnect(socketPath, Timeout, out var socket, out var error)) throw Fail("connect", error);
        _socket = socket;
        try
        {
            var hello = new HelloMessage(ProtocolVersion.Min, ProtocolVersion.Current, ClientKind.Test, $"benchmark player {variation}",
                Environment.ProcessId, hostRate, blockFrames);
            if (!_socket.TryHandshake(hello, Timeout, out _, out error)) throw Fail("handshake", error);
            Send(new TransportMessage(false, 120, 0, 0, 4, 4, hostRate));
            Send(new ArmTakeMessage((ulong)variation + 1, preset, seed, variation, ContentHash.None));
            if (!_socket.TryReceive(Timeout, out RingAttachedMessage attached, out _, out error)) throw Fail("ArmTake", error);
            if (!RingReader.TryOpen(attached.RingPath, out var ring, out var ringError))
                throw new InvalidOperationException($"benchmark player: cannot open ring: {ringError}");
            _ring = ring;
            _block = new float[blockFrames * ring.Channels];
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>Frames the ring holds now.</summary>
    public int Buffered => _ring.AvailableFrames;

    /// <summary>Blocks that came up short at the right position.</summary>
    public long Underruns { get; private set; }

    /// <summary>Sends Start (the take is being played).</summary>
    public void Start() => Send(new StartMessage());

    /// <summary>Plays the block at <paramref name="position"/>, as the audio thread does.</summary>
    public void PlayBlock(long position)
    {
        if (_ring.ReadAt(position, _block).Status is RingReadStatus.Underrun or RingReadStatus.Behind or RingReadStatus.Faulted) Underruns++;
        _ring.Heartbeat();
    }

    /// <summary>Keeps the connection alive (the service drops clients that go silent).</summary>
    public void Heartbeat() => Send(new HeartbeatMessage(++_heartbeats));

    /// <summary>Says Goodbye and closes.</summary>
    public void Dispose()
    {
        _socket.TrySend(new GoodbyeMessage(), _requests++, out _);
        _ring?.Dispose();
        _socket.Dispose();
    }

    private void Send<T>(in T message) where T : struct, IProtocolMessage<T>
    {
        if (!_socket.TrySend(message, _requests++, out var error)) throw Fail(T.Type.ToString(), error);
    }

    private static InvalidOperationException Fail(string step, ProtocolError error) => new($"benchmark player: {step} failed: {error}");
}
