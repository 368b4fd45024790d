using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Service.Models;
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
    /// MidiEvent: recorded (gating and envelopes happen in the plugin). In variation note mode a note-on pre-renders the
    /// take that key will arm (loaded preset, last armed seed and primer, variation = note + VariationOffset) unless it is
    /// armed already; in pitch mode every key plays the one armed take, so there is nothing to guess.
    /// </summary>
    public void OnMidiEvent(in MidiEventMessage midi)
    {
        _midi.Enqueue(midi);
        if (_midi.Count > MidiHistory) _midi.Dequeue();
        if (!midi.NoteOn || midi.Velocity == 0 || !_ctx.Options.PrerenderOnNoteOn || _preset is null) return;
        if (Parameter(SessionParameter.NoteMode, 0) != 0) return;
        var preset = WithTemperature(_preset);
        var variation = midi.Note + (int)Parameter(SessionParameter.VariationOffset, 0);
        var spec = new TakeSpec(preset, _lastSeed ?? preset.Seed, variation, _lastPrimer, PrimerCodesFor(preset, _lastPrimer));
        if (_rings.Values.Any(f => f.Take.Spec.Key == spec.Key)) return;
        _prerenders.Request(spec);
    }

    /// <summary>SetParameter: remembered; <see cref="SessionParameter.Temperature"/> scales the temperatures of takes armed after it.</summary>
    public void OnSetParameter(in SetParameterMessage parameter)
    {
        if (parameter.ParameterId == (uint)SessionParameter.Temperature && parameter.Value is not (>= MinTemperatureScale and <= MaxTemperatureScale))
            throw new RequestException(ErrorCode.BadRequest,
                $"SetParameter: temperature scale {parameter.Value} is outside {MinTemperatureScale}..{MaxTemperatureScale}");
        _parameters[parameter.ParameterId] = parameter.Value;
    }

    /// <summary>The preset with its temperatures scaled by the client's Temperature parameter (the take key includes them).</summary>
    private ResolvedPreset WithTemperature(ResolvedPreset preset) =>
        Parameter(SessionParameter.Temperature, 1) is var scale && scale != 1
            ? preset with { Temperatures = [.. preset.Temperatures.Select(t => (float)(t * scale))] }
            : preset;

    private double Parameter(SessionParameter id, double absent) => _parameters.TryGetValue((uint)id, out var value) ? value : absent;

    /// <summary>PrimerChunk: assembled and, once complete and hash-checked, stored by its hash.</summary>
    public void OnPrimerChunk(in PrimerChunkMessage chunk) => _primers.Add(chunk);

    private void SeekAll(long position)
    {
        _position = position;
        foreach (var feeder in _rings.Values) feeder.Seek(position);
        _ctx.Pump.Wake();
    }
}
