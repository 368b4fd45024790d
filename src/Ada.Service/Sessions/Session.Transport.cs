using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Service.Takes;

namespace Ada.Service.Sessions;

internal sealed partial class Session
{
    /// <summary>
    /// Transport: the host rate (for rings armed later), the playing state (generation priority), and, while stopped,
    /// the position: a stopped host moving its cursor is a seek, so the rings are pre-filled where playback will start.
    /// </summary>
    public void OnTransport(in TransportMessage transport)
    {
        _hostRate = transport.SampleRate;
        _playback.Playing = transport.Playing;
        if (!transport.Playing && transport.ProjectSample != _position) SeekAll(transport.ProjectSample);
    }

    /// <summary>Seek: every ring starts a new segment at the new position and refills from the take cache.</summary>
    public void OnSeek(in SeekMessage seek) => SeekAll(seek.ProjectSample);

    /// <summary>Start: the takes are being played (generated before armed-only and pre-rendered ones).</summary>
    public void OnStart()
    {
        _playback.Playing = true;
        _ctx.Pump.Wake();
    }

    /// <summary>Stop: the rings keep their frames; generation goes on at armed priority.</summary>
    public void OnStop() => _playback.Playing = false;

    /// <summary>
    /// MidiEvent: recorded (gating and envelopes happen in the plugin). A note-on pre-renders the take
    /// (loaded preset, last armed seed, variation = note number) unless it is armed already.
    /// </summary>
    public void OnMidiEvent(in MidiEventMessage midi)
    {
        _midi.Enqueue(midi);
        if (_midi.Count > MidiHistory) _midi.Dequeue();
        if (!midi.NoteOn || midi.Velocity == 0 || !_ctx.Options.PrerenderOnNoteOn || _preset is null) return;
        var spec = new TakeSpec(_preset, _lastSeed ?? _preset.Seed, midi.Note, ContentHash.None);
        if (_rings.Values.Any(f => f.Take.Spec.Key == spec.Key)) return;
        _prerenders.Request(spec);
    }

    /// <summary>SetParameter: remembered; no parameter changes generation in protocol version 1.</summary>
    public void OnSetParameter(in SetParameterMessage parameter) => _parameters[parameter.ParameterId] = parameter.Value;

    /// <summary>PrimerChunk: assembled and, once complete and hash-checked, stored by its hash.</summary>
    public void OnPrimerChunk(in PrimerChunkMessage chunk) => _primers.Add(chunk);

    private void SeekAll(long position)
    {
        _position = position;
        foreach (var feeder in _rings.Values) feeder.Seek(position);
        _ctx.Pump.Wake();
    }
}
