using System.Diagnostics;
using Ada.Protocol.Rings;

namespace AdaPlugin.Service;

/// <summary>
/// The take source backed by the generator service. Audio-thread side: each block it reads every armed ring at the
/// block's project position (so unplayed takes keep flowing and a key sounds the moment it is pressed), asks for a
/// seek when the timeline jumps, and hands voices their key's frames. Offline blocks wait for the service instead of
/// playing silence. The connection, arming and reconnecting live on <see cref="ServiceWorker"/>'s thread.
/// </summary>
/// <remarks>
/// Latency is 0: ring frames are tagged with project positions and rendered ahead of the playhead, so there is no
/// FIFO delay to compensate. What a new, never-rendered take costs is a silent start (realtime) or a wait (offline).
/// </remarks>
public sealed class ServiceTakeSource(AdaParameters parameters, PluginSettings settings) : ITakeSource
{
    /// <summary>Takes one instance keeps armed; the least recently played is re-armed when a new key needs a slot.</summary>
    public const int SlotCount = 16;

    private ServiceLink? _link;
    private ServiceWorker? _worker;
    private BlockTiming _timing;
    private long _block;
    private long _expectedPosition = long.MinValue;
    private long _stoppedPosition = long.MinValue;
    private bool _wasPlaying;
    private bool _offlineGaveUp;
    private long _buffered;
    private long _underruns;

    /// <summary>Where the worker gets the preset, seed and checkpoint of the instance (set once the component exists).</summary>
    public ITakeContext? Context { get; set; }

    /// <summary>Offline waits that ran out of time since activation (each gave a silent block).</summary>
    public long OfflineTimeouts { get; private set; }

    /// <summary>ArmTake requests sent since activation (each arms a take into a slot).</summary>
    public long ArmRequests => _link is { } link ? Interlocked.Read(ref link.ArmRequests) : 0;

    /// <inheritdoc />
    public int LatencySamples => 0;

    /// <inheritdoc />
    public TakeSourceStatus Status => _link is { } link
        ? new(Volatile.Read(ref link.Connected) == 1, _buffered, _underruns, Volatile.Read(ref link.ModelChanged) == 1)
        : new(false, _buffered, _underruns);

    /// <inheritdoc />
    public void Prepare(double sampleRate, int maxBlockSize)
    {
        Release();
        _link = new ServiceLink(SlotCount, maxBlockSize, sampleRate);
        _worker = new ServiceWorker(_link, parameters, settings, () => Context);
        _block = 0;
        _expectedPosition = _stoppedPosition = long.MinValue;
        _wasPlaying = _offlineGaveUp = false;
        _buffered = _underruns = 0;
        OfflineTimeouts = 0;
        _worker.Start();
    }

    /// <inheritdoc />
    public void Release()
    {
        _worker?.Dispose();
        _worker = null;
        _link = null;
    }

    /// <inheritdoc />
    public void BeginBlock(in BlockTiming timing)
    {
        if (_link is not { } link)
        {
            return;
        }
        _timing = timing;
        Volatile.Write(ref link.Block, ++_block);
        Volatile.Write(ref link.Position, timing.ProjectSample);
        Volatile.Write(ref link.Tempo, timing.Tempo);
        Volatile.Write(ref link.Beats, timing.ProjectBeats);
        Volatile.Write(ref link.Signature, timing.TimeSigNumerator * 256 + timing.TimeSigDenominator);
        Volatile.Write(ref link.Playing, timing.Playing ? 1 : 0);
        if (!timing.Playing)
        {
            _wasPlaying = false;
            _stoppedPosition = timing.ProjectSample;
            return;
        }
        // A stopped host that moved its cursor already told the service (Transport), so starting there needs no seek.
        if (_wasPlaying ? timing.ProjectSample != _expectedPosition : timing.ProjectSample != _stoppedPosition)
        {
            link.RequestSeek(timing.ProjectSample);
        }
        _wasPlaying = true;
        _expectedPosition = timing.ProjectSample + timing.Frames;

        long buffered = long.MaxValue;
        long underruns = 0;
        foreach (var slot in link.Slots)
        {
            if (Volatile.Read(ref slot.Binding) is { } binding)
            {
                Fill(slot, binding);
                buffered = Math.Min(buffered, binding.Reader.AvailableFrames);
                underruns += (long)binding.Reader.Underruns;
            }
        }
        _buffered = buffered == long.MaxValue ? 0 : buffered;
        _underruns = underruns;
    }

    /// <inheritdoc />
    public void OnNote(in NoteEvent note, long projectSample)
    {
        if (_link is not { } link || note.Key is < 0 or >= ServiceLink.KeyCount)
        {
            return;
        }
        link.Notes.Enqueue(new ForwardedNote(projectSample, (byte)note.Key, note.Velocity, note.IsOn));
        if (note.IsOn)
        {
            Volatile.Write(ref link.WantedAt[note.Key], _block);
            if (_timing.Offline && _timing.Playing)
            {
                WaitForBinding(link, note.Key);
            }
        }
    }

    /// <inheritdoc />
    public int Read(int voiceKey, long projectSample, Span<float> left, Span<float> right)
    {
        if (_link is not { } link || !_timing.Playing)
        {
            return 0;
        }
        var offset = projectSample - _timing.ProjectSample;
        if (offset < 0 || offset + left.Length > _timing.Frames)
        {
            return 0;
        }
        foreach (var slot in link.Slots)
        {
            if (Volatile.Read(ref slot.Binding) is not { } binding || binding.Key != voiceKey)
            {
                continue;
            }
            if (slot.FilledBlock != _block || !ReferenceEquals(slot.FilledFrom, binding))
            {
                Fill(slot, binding); // armed after this block began (an offline note-on waited for it)
            }
            Volatile.Write(ref slot.LastUsedBlock, _block);
            var frames = slot.Interleaved.AsSpan((int)offset * 2, left.Length * 2);
            for (var i = 0; i < left.Length; i++)
            {
                left[i] = frames[2 * i];
                right[i] = frames[2 * i + 1];
            }
            return left.Length;
        }
        return 0;
    }

    private void Fill(TakeSlot slot, RingBinding binding)
    {
        if (_timing.Offline)
        {
            WaitForFrames(binding.Reader);
        }
        binding.Reader.ReadAt(_timing.ProjectSample, slot.Interleaved.AsSpan(0, _timing.Frames * 2));
        binding.Reader.Heartbeat();
        slot.FilledBlock = _block;
        slot.FilledFrom = binding;
    }

    /// <summary>
    /// Offline only: waits until the ring holds this whole block, dropping stale frames before it (a full ring of old
    /// frames would stall the service) and asking for a seek when the ring starts after it.
    /// </summary>
    private void WaitForFrames(RingReader reader)
    {
        var start = _timing.ProjectSample;
        var end = start + _timing.Frames;
        var seekAsked = false;
        var deadline = Deadline();
        while (!reader.IsFaulted)
        {
            if (reader.TryGetCursor(out var cursor))
            {
                if (cursor.ProjectPosition < start && cursor.AvailableFrames > 0)
                {
                    reader.Skip((int)Math.Min(start - cursor.ProjectPosition, cursor.AvailableFrames));
                    continue;
                }
                if (cursor.ProjectPosition == start && cursor.AvailableFrames >= end - start)
                {
                    _offlineGaveUp = false;
                    return;
                }
                if (cursor.ProjectPosition > start && !seekAsked)
                {
                    _link!.RequestSeek(start);
                    seekAsked = true;
                }
            }
            if (!Pause(deadline))
            {
                return;
            }
        }
    }

    /// <summary>Offline only: waits until the worker has bound a ring to <paramref name="key"/>.</summary>
    private void WaitForBinding(ServiceLink link, int key)
    {
        var deadline = Deadline();
        while (true)
        {
            foreach (var slot in link.Slots)
            {
                if (Volatile.Read(ref slot.Binding)?.Key == key)
                {
                    return;
                }
            }
            if (!Pause(deadline))
            {
                return;
            }
        }
    }

    private long Deadline() =>
        _offlineGaveUp ? 0 : Stopwatch.GetTimestamp() + (long)(settings.OfflineTimeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Sleeps a millisecond; false (and counted, and later waits skipped until audio arrives) once the deadline passed.</summary>
    private bool Pause(long deadline)
    {
        if (Stopwatch.GetTimestamp() >= deadline)
        {
            if (!_offlineGaveUp)
            {
                OfflineTimeouts++;
                PluginLog.Warn($"AdaPlugin: offline render waited {settings.OfflineTimeout.TotalSeconds:0} s for the generator service at " +
                    $"sample {_timing.ProjectSample}; rendering silence until it delivers");
            }
            _offlineGaveUp = true;
            return false;
        }
        Thread.Sleep(1);
        return true;
    }
}
