using System.Diagnostics;
using Ada.Protocol;
using Ada.Protocol.Framing;
using Ada.Protocol.Messages;
using Ada.Protocol.Rings;
using Ada.Protocol.Transport;

namespace AdaPlugin.Service;

/// <summary>
/// The plug-in's connection to the generator service, on its own thread: connects (starting the service when nothing
/// answers and a command is configured), handshakes, loads the preset, arms the keys the audio thread asks for into
/// slots, forwards transport, seeks and notes, and on any failure (socket error, silence past the heartbeat timeout)
/// drops every ring and reconnects with back-off. The audio thread keeps running on silence meanwhile. A preset is loaded
/// expecting the model its project was saved with; when the service has another, the preset is loaded with that model
/// anyway, the model-changed status is raised and the new model's hash is recorded for the next save.
/// </summary>
internal sealed class ServiceWorker : IDisposable
{
    /// <summary>The service is presumed hung after this long without a frame (it sends heartbeats every 0.5 s).</summary>
    public static readonly TimeSpan DeadAfter = ProtocolTimeouts.ServiceSilence;

    private static readonly TimeSpan HeartbeatInterval = ProtocolTimeouts.ServiceHeartbeatInterval;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RelaunchAfter = TimeSpan.FromSeconds(20);

    private readonly ServiceLink _link;
    private readonly AdaParameters _parameters;
    private readonly PluginSettings _settings;
    private readonly Func<ITakeContext?> _context;
    private readonly Thread _thread;
    private readonly ulong _instanceId = (ulong)Random.Shared.NextInt64();
    private readonly Dictionary<uint, int> _pendingArms = [];
    private readonly bool[] _failedKeys = new bool[ServiceLink.KeyCount];
    private readonly List<(RingReader Reader, long Block)> _retired = [];
    private volatile bool _stopping;
    private ProtocolSocket? _socket;
    private TakeRequest? _request;
    private uint _nextRequestId = 1;
    private ulong _heartbeat;
    private long _lastHeard;
    private long _lastHeartbeatSent;
    private long _seekSent;
    private (int Playing, long Position, double Tempo, int Signature) _transportSent;
    private TimeSpan _backoff = TimeSpan.FromMilliseconds(100);
    private long _nextConnect;
    private long _lastLaunch = long.MinValue;
    private string? _lastProblem;
    private bool _warnedUntransposed;
    private int _capturesSeen;
    private ContentHash _primerSent;
    private PendingLoad? _pendingLoad;

    public ServiceWorker(ServiceLink link, AdaParameters parameters, PluginSettings settings, Func<ITakeContext?> context)
    {
        _link = link;
        _parameters = parameters;
        _settings = settings;
        _context = context;
        _thread = new Thread(Run) { IsBackground = true, Name = "AdaPlugin service" };
    }

    /// <summary>Starts the thread (connecting is lazy: this returns at once).</summary>
    public void Start() => _thread.Start();

    /// <summary>Stops the thread, says goodbye and unmaps every ring; call after the audio thread stopped.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive && !_thread.Join(TimeSpan.FromSeconds(5)))
        {
            PluginLog.Warn("AdaPlugin: the service thread did not stop within 5 s");
        }
    }

    private void Run()
    {
        try
        {
            while (!_stopping)
            {
                if (_socket is null)
                {
                    TryConnect();
                    continue;
                }
                Step();
            }
        }
        catch (Exception e)
        {
            PluginLog.Warn($"AdaPlugin: service thread failed: {e}");
        }
        finally
        {
            if (_socket is not null)
            {
                _socket.TrySend(new GoodbyeMessage(), NextRequestId(), out _);
            }
            Disconnect(null);
            DisposeRetired(force: true);
        }
    }

    private void TryConnect()
    {
        var now = Stopwatch.GetTimestamp();
        if (now < _nextConnect)
        {
            Thread.Sleep(Poll);
            return;
        }
        if (!ProtocolSocket.TryConnect(_settings.SocketPath, ConnectTimeout, out var socket, out var error))
        {
            Problem($"no generator service at {_settings.SocketPath} ({error.Message})");
            LaunchService();
            Backoff();
            return;
        }
        var hello = new HelloMessage(ProtocolVersion.Min, ProtocolVersion.Current, ClientKind.Plugin, "AdaPlugin",
            Environment.ProcessId, _link.SampleRate, _link.MaxFrames);
        if (!socket.TryHandshake(hello, HandshakeTimeout, out var reply, out error))
        {
            socket.Dispose();
            Problem($"service handshake failed: {error.Message}");
            Backoff();
            return;
        }
        _socket = socket;
        _request = null;
        _primerSent = ContentHash.None; // a new service has none of our primers
        _seekSent = Volatile.Read(ref _link.SeekSequence) - 1; // the new connection's rings start where the host is
        _transportSent = default;
        _lastHeard = Stopwatch.GetTimestamp();
        _backoff = TimeSpan.FromMilliseconds(100);
        _lastProblem = null;
        Volatile.Write(ref _link.Connected, 1);
        PluginLog.Info($"AdaPlugin: connected to generator service {reply.ServiceVersion} on {reply.Device} (protocol v{reply.Version})");
    }

    /// <summary>One pass while connected: configuration, arming, transport, heartbeat, then frames from the service.</summary>
    private void Step()
    {
        TakeCapture();
        if (CurrentRequest(out var checkpoint) is { } request)
        {
            if (request != _request)
            {
                Configure(request, checkpoint);
            }
            var changed = checkpoint is { ChangedSinceSaved: true } && checkpoint.Preset == request.Preset.Name;
            Volatile.Write(ref _link.ModelChanged, changed ? 1 : 0);
        }
        if (_request is not null)
        {
            ArmWantedKeys();
        }
        SendTransport();
        ForwardNotes();
        SendHeartbeat();
        DisposeRetired(force: false);
        if (_socket is null)
        {
            return;
        }
        if (_socket.TryReceive(Poll, out var frame, out var error))
        {
            _lastHeard = Stopwatch.GetTimestamp();
            Handle(frame);
        }
        else if (error.Code != ProtocolErrorCode.Timeout)
        {
            Disconnect($"connection lost: {error.Message}");
        }
        else if (Elapsed(_lastHeard) > DeadAfter)
        {
            Disconnect($"no word from the service for {DeadAfter.TotalSeconds:0} s");
        }
    }

    /// <summary>What the instance asks for now, and the checkpoint record its expected checkpoint comes from.</summary>
    private TakeRequest? CurrentRequest(out CheckpointRecord? checkpoint)
    {
        checkpoint = null;
        if (_context() is not { Preset: { } preset } context)
        {
            return null;
        }
        checkpoint = context.Checkpoint;
        return new TakeRequest(
            preset,
            context.Seed,
            (NoteMode)(int)_parameters.GetPlain(AdaParameterId.NoteMode),
            (int)_parameters.GetPlain(AdaParameterId.VariationOffset),
            (int)_parameters.GetPlain(AdaParameterId.RootKey),
            checkpoint?.HashFor(preset.Name) ?? "",
            context.Primer,
            _parameters.GetPlain(AdaParameterId.Temperature));
    }

    /// <summary>A new capture on the Primer bus becomes the instance's primer (and so re-arms every take from it).</summary>
    private void TakeCapture()
    {
        if (_context() is not { Recorder: { } recorder } context || recorder.CaptureCount == _capturesSeen)
        {
            return;
        }
        _capturesSeen = recorder.CaptureCount;
        var left = new float[recorder.Capacity];
        var right = new float[recorder.Capacity];
        if (!recorder.TryCopyCapture(left, right, out var frames) || frames == 0)
        {
            PluginLog.Warn("AdaPlugin: primer capture lost (empty, or overwritten while copying); capture again");
            return;
        }
        var interleaved = new float[frames * PrimerSnapshot.Channels];
        for (var i = 0; i < frames; i++)
        {
            (interleaved[2 * i], interleaved[2 * i + 1]) = (left[i], right[i]);
        }
        context.Primer = new PrimerSnapshot(interleaved, (int)_link.SampleRate);
        PluginLog.Info($"AdaPlugin: captured a primer of {frames / _link.SampleRate:0.0} s ({context.Primer.Hash})");
    }

    /// <summary>A new preset or key mapping: every slot is released and the preset (re)loaded; keys re-arm as they are wanted.</summary>
    private void Configure(TakeRequest request, CheckpointRecord? checkpoint)
    {
        foreach (var slot in _link.Slots)
        {
            Retire(slot);
        }
        _pendingArms.Clear();
        Array.Clear(_failedKeys);
        if (_request?.Preset != request.Preset || _request.ExpectedCheckpoint != request.ExpectedCheckpoint)
        {
            ContentHash.TryParse(request.ExpectedCheckpoint, out var expected);
            LoadPreset(request.Preset, expected, checkpoint, fallback: false);
        }
        if (_context() is { } context)
        {
            // Keys played before (this activation or a saved project) are armed again now, before anyone presses them.
            for (var key = 0; key < ServiceLink.KeyCount; key++)
            {
                if ((context.PlayedKeys >> key & UInt128.One) != UInt128.Zero)
                {
                    Interlocked.CompareExchange(ref _link.WantedAt[key], ServiceLink.Remembered, 0);
                }
            }
        }
        SendIfChanged(request, SessionParameter.Temperature, r => r.Temperature);
        // the service pre-renders a pressed key's take before the arm arrives; it needs the key mapping to guess right
        SendIfChanged(request, SessionParameter.NoteMode, r => (double)r.Mode);
        SendIfChanged(request, SessionParameter.VariationOffset, r => r.VariationOffset);
        if (request.Primer is { } primer && primer.Hash != _primerSent)
        {
            foreach (var chunk in PrimerChunker.Split(primer.Interleaved, PrimerSnapshot.Channels, primer.SampleRate))
            {
                Send(chunk);
            }
            _primerSent = primer.Hash;
        }
        _request = request;
    }

    /// <summary>Sends the session parameter <paramref name="id"/> when <paramref name="request"/> gives it another value than the last request did (or none was sent).</summary>
    private void SendIfChanged(TakeRequest request, SessionParameter id, Func<TakeRequest, double> value)
    {
        if (_request is null || value(_request) != value(request))
        {
            Send(new SetParameterMessage((uint)id, value(request)));
        }
    }

    private void LoadPreset(PresetEntry preset, ContentHash expected, CheckpointRecord? seen, bool fallback) =>
        _pendingLoad = new PendingLoad(Send(new LoadPresetMessage(_instanceId, preset.Path, expected)), preset, seen, fallback);

    /// <summary>The Status answering the pending LoadPreset: the model the service resolved the preset to becomes the instance's.</summary>
    private void Loaded(uint requestId, in StatusMessage status)
    {
        if (_pendingLoad is not { } load || load.Id != requestId)
        {
            return;
        }
        _pendingLoad = null;
        var known = load.Seen is { } seen && seen.Preset == load.Preset.Name ? seen : null;
        // A protocol 2 service does not say which model it loaded: what was known stays.
        var hash = status.Checkpoint.IsNone ? known?.Hash ?? "" : status.Checkpoint.ToString();
        var reported = new CheckpointRecord(load.Preset.Name, hash, load.Fallback || known is { ChangedSinceSaved: true });
        if (load.Fallback)
        {
            PluginLog.Warn($"AdaPlugin: preset '{load.Preset.Name}' now plays model {(hash.Length > 0 ? hash : "(not reported)")}, " +
                $"the project was saved with {known?.Hash}: its takes, and bounces, differ from the saved ones");
        }
        // The expectation follows the record, so recording it must not count as a new request (which would re-arm every take).
        if (reported != load.Seen && _context() is { } context && context.TryRecordCheckpoint(load.Seen, reported) && _request?.Preset == load.Preset)
        {
            _request = _request with { ExpectedCheckpoint = hash };
        }
    }

    private void ArmWantedKeys()
    {
        for (var key = 0; key < ServiceLink.KeyCount && _socket is not null; key++)
        {
            var wantedAt = Volatile.Read(ref _link.WantedAt[key]);
            if (wantedAt == 0 || _failedKeys[key] || IsArmedOrPending(key))
            {
                continue;
            }
            if (FreeSlot(wantedAt) is not { } index)
            {
                continue; // every slot holds a take played more recently: this key waits
            }
            var slot = _link.Slots[index];
            Retire(slot);
            slot.PendingKey = key;
            // Take id = slot: re-arming a slot replaces its ring on the service, so one instance never holds more than SlotCount rings.
            if (_context() is { } context)
            {
                context.PlayedKeys |= UInt128.One << key;
            }
            var id = Send(new ArmTakeMessage((ulong)index + 1, _request!.Preset.Path, _request.Seed, _request.Variation(key),
                _request.Primer?.Hash ?? ContentHash.None, Transpose: Transpose(key)));
            _pendingArms[id] = index;
            Interlocked.Increment(ref _link.ArmRequests);
        }
    }

    /// <summary>The key's transposition; 0 (with a warning) from a service too old to transpose (protocol v1).</summary>
    private double Transpose(int key)
    {
        var semitones = Math.Clamp(_request!.Transpose(key), -ArmTakeMessage.MaxTranspose, ArmTakeMessage.MaxTranspose);
        if (semitones == 0 || _socket!.Version >= ProtocolVersion.TakePlacement)
        {
            return semitones;
        }
        if (!_warnedUntransposed)
        {
            _warnedUntransposed = true;
            PluginLog.Warn($"AdaPlugin: the service speaks protocol v{_socket.Version}, which cannot transpose: pitch mode plays untransposed");
        }
        return 0;
    }

    private bool IsArmedOrPending(int key)
    {
        foreach (var slot in _link.Slots)
        {
            if (slot.PendingKey == key || Volatile.Read(ref slot.Binding)?.Key == key)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// An empty slot; else, for a key pressed at block <paramref name="wantedAt"/>, the slot played least recently, before
    /// that press and not in the last two blocks (so not sounding). Keys never displace takes played after them, so
    /// more keys than slots settle instead of re-arming each other forever.
    /// </summary>
    private int? FreeSlot(long wantedAt)
    {
        int? best = null;
        var block = Volatile.Read(ref _link.Block);
        for (var i = 0; i < _link.Slots.Length; i++)
        {
            var slot = _link.Slots[i];
            if (slot.PendingKey >= 0)
            {
                continue;
            }
            if (Volatile.Read(ref slot.Binding) is null)
            {
                return i;
            }
            var used = Volatile.Read(ref slot.LastUsedBlock);
            if (used < wantedAt && used < block - 2 && (best is null || used < Volatile.Read(ref _link.Slots[best.Value].LastUsedBlock)))
            {
                best = i;
            }
        }
        return best;
    }

    private void Handle(in Frame frame)
    {
        switch (frame.Type)
        {
            case MessageType.RingAttached when frame.TryDecode(out RingAttachedMessage attached, out _):
                Attach(frame.RequestId, attached);
                break;
            case MessageType.Status when frame.TryDecode(out StatusMessage status, out _):
                Loaded(frame.RequestId, status);
                break;
            case MessageType.Error when frame.TryDecode(out ErrorMessage error, out _):
                Refused(frame.RequestId, error);
                break;
            case MessageType.Goodbye:
                Disconnect("the service said goodbye");
                break;
        }
    }

    private void Attach(uint requestId, in RingAttachedMessage attached)
    {
        if (!_pendingArms.Remove(requestId, out var index))
        {
            return;
        }
        var slot = _link.Slots[index];
        var key = slot.PendingKey;
        slot.PendingKey = -1;
        if (!RingReader.TryOpen(attached.RingPath, out var reader, out var error))
        {
            PluginLog.Warn($"AdaPlugin: ring {attached.RingPath} for key {key} unusable: {error.Message}");
            _failedKeys[key] = true;
            return;
        }
        if (reader.SampleRate != (int)_link.SampleRate || reader.Channels != 2)
        {
            PluginLog.Warn($"AdaPlugin: ring {attached.RingPath} is {reader.Channels} ch at {reader.SampleRate} Hz, expected stereo at {_link.SampleRate} Hz");
            reader.Dispose();
            _failedKeys[key] = true;
            return;
        }
        Volatile.Write(ref slot.LastUsedBlock, Volatile.Read(ref _link.Block));
        Volatile.Write(ref slot.Binding, new RingBinding(key, attached.TakeId, reader));
    }

    private void Refused(uint requestId, in ErrorMessage error)
    {
        if (_pendingArms.Remove(requestId, out var index))
        {
            var slot = _link.Slots[index];
            _failedKeys[slot.PendingKey] = true;
            PluginLog.Warn($"AdaPlugin: the service refused key {slot.PendingKey}: {error.Code}: {error.Message}");
            slot.PendingKey = -1;
            return;
        }
        if (_pendingLoad is { } load && load.Id == requestId)
        {
            _pendingLoad = null;
            if (error.Code == ErrorCode.CheckpointMismatch && !load.Fallback)
            {
                // Silence would hide the preset from the producer: it plays on the service's model, and the status says so.
                PluginLog.Warn($"AdaPlugin: {error.Message}; loading the preset with the service's model");
                LoadPreset(load.Preset, ContentHash.None, load.Seen, fallback: true);
                return;
            }
        }
        PluginLog.Warn($"AdaPlugin: the service refused request {requestId}: {error.Code}: {error.Message}");
    }

    private void SendTransport()
    {
        (int Playing, long Position, double Tempo, int Signature) state =
            (Volatile.Read(ref _link.Playing), Volatile.Read(ref _link.Position), Volatile.Read(ref _link.Tempo), Volatile.Read(ref _link.Signature));
        // While playing the position moves every block; the service follows the rings then, so only stopped positions count.
        var comparable = state.Playing == 1 ? state with { Position = 0 } : state;
        if (comparable != _transportSent)
        {
            _transportSent = comparable;
            Send(new TransportMessage(state.Playing == 1, state.Tempo, state.Position, Volatile.Read(ref _link.Beats),
                (ushort)(state.Signature >> 8), (ushort)(state.Signature & 0xFF), _link.SampleRate));
        }
        var sequence = Volatile.Read(ref _link.SeekSequence);
        if (sequence != _seekSent)
        {
            _seekSent = sequence;
            Send(new SeekMessage(Volatile.Read(ref _link.SeekPosition)));
        }
    }

    private void ForwardNotes()
    {
        while (_socket is not null && _link.Notes.TryDequeue(out var note))
        {
            Send(new MidiEventMessage(note.ProjectSample, note.Key, Math.Clamp(note.Velocity, 0f, 1f), note.On, 0));
        }
    }

    private void SendHeartbeat()
    {
        if (Elapsed(_lastHeartbeatSent) >= HeartbeatInterval)
        {
            _lastHeartbeatSent = Stopwatch.GetTimestamp();
            Send(new HeartbeatMessage(++_heartbeat));
        }
    }

    private uint Send<T>(in T message) where T : struct, IProtocolMessage<T>
    {
        var id = NextRequestId();
        if (_socket is not null && !_socket.TrySend(message, id, out var error))
        {
            Disconnect($"send failed: {error.Message}");
        }
        return id;
    }

    private uint NextRequestId() => _nextRequestId == uint.MaxValue ? _nextRequestId = 1 : _nextRequestId++;

    /// <summary>Unpublishes a slot's ring; the reader is disposed once the audio thread is two blocks past it.</summary>
    private void Retire(TakeSlot slot)
    {
        if (Interlocked.Exchange(ref slot.Binding, null) is { } old)
        {
            _retired.Add((old.Reader, Volatile.Read(ref _link.Block)));
        }
    }

    private void DisposeRetired(bool force)
    {
        var block = Volatile.Read(ref _link.Block);
        for (var i = _retired.Count - 1; i >= 0; i--)
        {
            if (force || block >= _retired[i].Block + 2)
            {
                _retired[i].Reader.Dispose();
                _retired.RemoveAt(i);
            }
        }
    }

    private void Disconnect(string? reason)
    {
        if (reason is not null)
        {
            Problem(reason);
        }
        Volatile.Write(ref _link.Connected, 0);
        foreach (var slot in _link.Slots)
        {
            Retire(slot);
            slot.PendingKey = -1;
        }
        _pendingArms.Clear();
        _pendingLoad = null;
        _socket?.Dispose();
        _socket = null;
        _request = null;
        Backoff();
    }

    /// <summary>Starts the configured service command, at most once per <see cref="RelaunchAfter"/>.</summary>
    private void LaunchService()
    {
        if (_settings.ServiceCommand.Count == 0 || _lastLaunch != long.MinValue && Elapsed(_lastLaunch) < RelaunchAfter)
        {
            return;
        }
        _lastLaunch = Stopwatch.GetTimestamp();
        var start = new ProcessStartInfo(_settings.ServiceCommand[0]) { UseShellExecute = false };
        foreach (var argument in _settings.ServiceCommand.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start);
            PluginLog.Info($"AdaPlugin: started the generator service: {string.Join(' ', _settings.ServiceCommand)} (pid {process?.Id})");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            PluginLog.Warn($"AdaPlugin: cannot start the generator service ({_settings.ServiceCommand[0]}): {e.Message}");
        }
    }

    private void Backoff()
    {
        _nextConnect = Stopwatch.GetTimestamp() + (long)(_backoff.TotalSeconds * Stopwatch.Frequency);
        _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
    }

    /// <summary>Logs a connection problem once, not on every retry.</summary>
    private void Problem(string message)
    {
        if (message != _lastProblem)
        {
            _lastProblem = message;
            PluginLog.Warn($"AdaPlugin: {message}; playing silence and retrying");
        }
    }

    private static TimeSpan Elapsed(long since) => Stopwatch.GetElapsedTime(since);

    /// <summary>A LoadPreset awaiting its Status: the preset, the checkpoint record it expected from, and whether it is the retry without it.</summary>
    private readonly record struct PendingLoad(uint Id, PresetEntry Preset, CheckpointRecord? Seen, bool Fallback);
}
