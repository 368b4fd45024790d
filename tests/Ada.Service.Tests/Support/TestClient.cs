using Ada.Protocol;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using Ada.Protocol.Rings;
using Ada.Protocol.Transport;

namespace Ada.Service.Tests.Support;

/// <summary>A well-behaved client speaking the protocol the way the plugin does, with assertions on every reply.</summary>
public sealed class TestClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<RingReader> _rings = [];
    private uint _nextRequest = 1;

    private TestClient(ProtocolSocket socket, HelloReplyMessage hello)
    {
        Socket = socket;
        Hello = hello;
    }

    public ProtocolSocket Socket { get; }

    public HelloReplyMessage Hello { get; }

    /// <summary>Connects and handshakes, speaking protocol versions up to <paramref name="maxVersion"/>.</summary>
    public static TestClient Connect(string socketPath, double hostRate = 44_100, ushort maxVersion = ProtocolVersion.Current)
    {
        Assert.That(ProtocolSocket.TryConnect(socketPath, Timeout, out var socket, out var error), Is.True, error.ToString());
        var hello = new HelloMessage(ProtocolVersion.Min, maxVersion, ClientKind.Test, "test client", Environment.ProcessId, hostRate, 512);
        Assert.That(socket!.TryHandshake(hello, Timeout, out var reply, out error), Is.True, error.ToString());
        return new TestClient(socket, reply);
    }

    public uint Send<T>(in T message) where T : struct, IProtocolMessage<T>
    {
        uint id = _nextRequest++;
        Assert.That(Socket.TrySend(message, id, out var error), Is.True, error.ToString());
        return id;
    }

    /// <summary>The next frame that is not a service heartbeat.</summary>
    public Frame Receive()
    {
        while (true)
        {
            Assert.That(Socket.TryReceive(Timeout, out var frame, out var error), Is.True, error.ToString());
            if (frame.Type != MessageType.Heartbeat) return frame;
        }
    }

    /// <summary>The reply to request <paramref name="requestId"/>, which must be a <typeparamref name="T"/>.</summary>
    public T Expect<T>(uint requestId) where T : struct, IProtocolMessage<T>
    {
        var frame = Receive();
        if (frame.TryDecode(out ErrorMessage refused, out _)) Assert.Fail($"request {requestId} refused: {refused.Code}: {refused.Message}");
        Assert.That(frame.RequestId, Is.EqualTo(requestId));
        Assert.That(frame.TryDecode(out T message, out var error), Is.True, error.ToString());
        return message;
    }

    public ErrorMessage ExpectError(uint requestId)
    {
        var frame = Receive();
        Assert.That(frame.Type, Is.EqualTo(MessageType.Error), $"expected an Error for request {requestId}");
        Assert.That(frame.RequestId, Is.EqualTo(requestId));
        Assert.That(frame.TryDecode(out ErrorMessage error, out var problem), Is.True, problem.ToString());
        return error;
    }

    /// <summary>Arms a take (continuing <paramref name="primer"/>, placed at <paramref name="start"/>, transposed) and opens its ring.</summary>
    public (RingAttachedMessage Attached, RingReader Ring) Arm(ulong takeId, string preset, ulong seed, int variation,
        ContentHash primer = default, long start = 0, double transpose = 0)
    {
        var attached = Expect<RingAttachedMessage>(Send(new ArmTakeMessage(takeId, preset, seed, variation, primer, start, transpose)));
        Assert.That(RingReader.TryOpen(attached.RingPath, out var ring, out var error), Is.True, error.ToString());
        _rings.Add(ring!);
        return (attached, ring!);
    }

    /// <summary>Sends a primer as PrimerChunks (the service answers nothing when they are accepted); returns its hash.</summary>
    public ContentHash SendPrimer(float[] interleaved, int channels, int sampleRate)
    {
        var chunks = PrimerChunker.Split(interleaved, channels, sampleRate);
        foreach (var chunk in chunks) Send(chunk);
        return chunks[0].PrimerHash;
    }

    public StatusMessage Status() => Expect<StatusMessage>(Send(new StatusRequestMessage()));

    /// <summary>Simulates a crash: the socket closes without Goodbye.</summary>
    public void Kill() => Socket.Dispose();

    public void Dispose()
    {
        Socket.TrySend(new GoodbyeMessage(), _nextRequest++, out _);
        Socket.Dispose();
        foreach (var ring in _rings) ring.Dispose();
    }
}
