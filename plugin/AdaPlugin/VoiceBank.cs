namespace AdaPlugin;

/// <summary>
/// A fixed set of voices (allocated once): note on/off with retrigger and oldest-first stealing, and the per-voice
/// mix of take audio × envelope × velocity × gain. Audio-thread code; nothing here allocates.
/// </summary>
public sealed class VoiceBank(int capacity)
{
    /// <summary>Attack time from silence to full level.</summary>
    public const double AttackSeconds = 0.005;

    /// <summary>Release time from full level to silence.</summary>
    public const double ReleaseSeconds = 0.05;

    private readonly Voice[] _voices = new Voice[capacity];
    private long _order;
    private float _attackStep = 1f;
    private float _releaseStep = 1f;

    /// <summary>How many voices sound (attack, sustain or release).</summary>
    public int ActiveCount
    {
        get
        {
            var count = 0;
            foreach (ref readonly var v in _voices.AsSpan())
            {
                count += v.IsActive ? 1 : 0;
            }
            return count;
        }
    }

    /// <summary>Sets the envelope rates for <paramref name="sampleRate"/> and silences every voice.</summary>
    public void Prepare(double sampleRate)
    {
        _attackStep = (float)(1.0 / (AttackSeconds * sampleRate));
        _releaseStep = (float)(1.0 / (ReleaseSeconds * sampleRate));
        Reset();
    }

    /// <summary>Silences every voice at once.</summary>
    public void Reset() => Array.Clear(_voices);

    /// <summary>Starts (or retriggers) <paramref name="key"/>; steals the oldest voice when all are busy.</summary>
    public void NoteOn(int key, float velocity)
    {
        ref var voice = ref Find(key);
        voice.Key = key;
        voice.Velocity = Math.Clamp(velocity, 0f, 1f);
        voice.Stage = VoiceStage.Attack;
        voice.Order = ++_order;
    }

    /// <summary>Releases every voice playing <paramref name="key"/>.</summary>
    public void NoteOff(int key)
    {
        foreach (ref var v in _voices.AsSpan())
        {
            if (v.Key == key && v.Stage is VoiceStage.Attack or VoiceStage.Sustain)
            {
                v.Stage = VoiceStage.Release;
            }
        }
    }

    /// <summary>
    /// Adds every active voice's take audio for one event-free segment into <paramref name="mixLeft"/>/<paramref name="mixRight"/>.
    /// The scratch spans are at least as long as the mix spans.
    /// </summary>
    public void Render(ITakeSource source, long projectSample, float gain, Span<float> mixLeft, Span<float> mixRight,
        Span<float> scratchLeft, Span<float> scratchRight)
    {
        var length = mixLeft.Length;
        var takeLeft = scratchLeft[..length];
        var takeRight = scratchRight[..length];
        foreach (ref var v in _voices.AsSpan())
        {
            if (!v.IsActive)
            {
                continue;
            }
            var frames = Math.Clamp(source.Read(v.Key, projectSample, takeLeft, takeRight), 0, length);
            takeLeft[frames..].Clear();
            takeRight[frames..].Clear();
            var scale = v.Velocity * gain;
            for (var i = 0; i < length; i++)
            {
                var g = v.NextLevel(_attackStep, _releaseStep) * scale;
                mixLeft[i] += takeLeft[i] * g;
                mixRight[i] += takeRight[i] * g;
            }
        }
    }

    private ref Voice Find(int key)
    {
        var span = _voices.AsSpan();
        var pick = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].IsActive && span[i].Key == key)
            {
                return ref span[i];
            }
            if (pick < 0 && !span[i].IsActive)
            {
                pick = i;
            }
        }
        if (pick >= 0)
        {
            span[pick].Level = 0;
            return ref span[pick];
        }
        var oldest = 0;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i].Order < span[oldest].Order)
            {
                oldest = i;
            }
        }
        return ref span[oldest];
    }
}
