using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>
/// The audio side: processing setup, activation (all allocation happens here) and process, which renders note
/// voices from the take source sample-accurately, applies parameter changes (last point per block) and reports
/// the read-only status parameters. process never allocates, locks, logs or waits in realtime mode.
/// Offline (kOffline, e.g. Ardour's export) is stored; once the service source exists it will wait there for
/// frames instead of outputting silence.
/// </summary>
public sealed class AdaProcessor(AdaParameters parameters, ITakeSource source) : IVstAudioProcessor, IVstProcessContextRequirements
{
    /// <summary>Largest block size accepted by setupProcessing (tested from 1 to 4096).</summary>
    public const int MaxBlockSize = 8192;

    /// <summary>Lowest sample rate accepted (44.1, 48 and 96 kHz are tested).</summary>
    public const double MinSampleRate = 8000;

    /// <summary>Highest sample rate accepted.</summary>
    public const double MaxSampleRate = 384000;

    /// <summary>Simultaneous voices before the oldest is stolen.</summary>
    public const int VoiceCount = 16;

    /// <summary>Note events kept per block.</summary>
    public const int EventCapacity = 1024;

    private static readonly AdaParameterId[] StatusParameters =
        [AdaParameterId.ServiceConnected, AdaParameterId.BufferDepth, AdaParameterId.Underruns, AdaParameterId.ModelChanged];

    private readonly VoiceBank _voices = new(VoiceCount);
    private readonly NoteEventQueue _events = new(EventCapacity);
    private readonly double[] _reportedStatus = new double[StatusParameters.Length];
    private float[] _mixLeft = [];
    private float[] _mixRight = [];
    private float[] _takeLeft = [];
    private float[] _takeRight = [];
    private long _samplesSinceStart;
    private bool _captureHeld;

    /// <summary>Sample rate from setupProcessing.</summary>
    public double SampleRate { get; private set; } = 44100;

    /// <summary>Maximum block size from setupProcessing.</summary>
    public int MaxSamplesPerBlock { get; private set; } = 1024;

    /// <summary>Process mode from setupProcessing (Offline during a bounce/export).</summary>
    public ProcessMode Mode { get; private set; } = ProcessMode.Realtime;

    /// <summary>Between setActive(true) and setActive(false).</summary>
    public bool IsActive { get; private set; }

    /// <summary>The side-chain recorder (null unless the Primer bus was active at activation).</summary>
    public PrimerRecorder? Primer { get; private set; }

    /// <summary>Process calls with samples since activation.</summary>
    public long Blocks { get; private set; }

    /// <summary>
    /// Of those, the ones whose ProcessData said kOffline. Ardour 7.3 exports with a Realtime setupProcessing and
    /// marks each block Offline instead, so the service source must look at the block's mode, not the setup's.
    /// </summary>
    public long OfflineBlocks { get; private set; }

    /// <summary>Voices currently sounding.</summary>
    public int ActiveVoices => _voices.ActiveCount;

    /// <inheritdoc />
    public int SetBusArrangements(ReadOnlySpan<ulong> inputs, ReadOnlySpan<ulong> outputs) =>
        inputs is [SpeakerArrangements.Stereo] && outputs is [SpeakerArrangements.Stereo] ? TResult.Ok : TResult.False;

    /// <inheritdoc />
    public int GetBusArrangement(BusDirection direction, int index, out ulong arrangement)
    {
        arrangement = SpeakerArrangements.Empty;
        if (index != 0 || direction is not (BusDirection.Input or BusDirection.Output))
        {
            return TResult.InvalidArgument;
        }
        arrangement = SpeakerArrangements.Stereo;
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int CanProcessSampleSize(SymbolicSampleSize size) => size == SymbolicSampleSize.Sample32 ? TResult.Ok : TResult.False;

    /// <inheritdoc />
    public uint GetLatencySamples() => (uint)Math.Max(0, source.LatencySamples);

    /// <inheritdoc />
    public uint GetTailSamples() => (uint)Math.Ceiling(VoiceBank.ReleaseSeconds * SampleRate);

    /// <inheritdoc />
    public ProcessContextRequirements GetProcessContextRequirements() =>
        ProcessContextRequirements.NeedContinousTimeSamples | ProcessContextRequirements.NeedTransportState | ProcessContextRequirements.NeedTempo;

    /// <inheritdoc />
    public int SetupProcessing(in ProcessSetup setup)
    {
        if (IsActive)
        {
            return TResult.False;
        }
        if (setup.SymbolicSampleSize != SymbolicSampleSize.Sample32)
        {
            return TResult.False;
        }
        if (!(setup.SampleRate >= MinSampleRate && setup.SampleRate <= MaxSampleRate)
            || setup.MaxSamplesPerBlock is < 1 or > MaxBlockSize
            || setup.ProcessMode is < ProcessMode.Realtime or > ProcessMode.Offline)
        {
            return TResult.InvalidArgument;
        }
        SampleRate = setup.SampleRate;
        MaxSamplesPerBlock = setup.MaxSamplesPerBlock;
        Mode = setup.ProcessMode;
        return TResult.Ok;
    }

    /// <summary>setActive(true): allocates every buffer process will use; the primer ring only if the Primer bus is on.</summary>
    public void Activate(bool primerBusActive)
    {
        _mixLeft = new float[MaxSamplesPerBlock];
        _mixRight = new float[MaxSamplesPerBlock];
        _takeLeft = new float[MaxSamplesPerBlock];
        _takeRight = new float[MaxSamplesPerBlock];
        Primer = primerBusActive ? new PrimerRecorder((int)Math.Ceiling((AdaParameters.MaxPrimerSeconds + 1) * SampleRate)) : null;
        source.Prepare(SampleRate, MaxSamplesPerBlock);
        _voices.Prepare(SampleRate);
        _events.Clear();
        _samplesSinceStart = 0;
        Blocks = OfflineBlocks = 0;
        _captureHeld = parameters.GetPlain(AdaParameterId.PrimerCapture) >= 0.5;
        Array.Fill(_reportedStatus, double.NaN);
        IsActive = true;
    }

    /// <summary>setActive(false): drops the buffers.</summary>
    public void Deactivate()
    {
        IsActive = false;
        source.Release();
        _mixLeft = _mixRight = _takeLeft = _takeRight = [];
        Primer = null;
    }

    /// <inheritdoc />
    public int SetProcessing(bool state)
    {
        if (!IsActive)
        {
            return TResult.NotInitialized;
        }
        _voices.Reset();
        _samplesSinceStart = 0;
        return TResult.Ok;
    }

    /// <inheritdoc />
    public unsafe int Process(ref ProcessData data)
    {
        if (!IsActive)
        {
            return TResult.NotInitialized;
        }
        var n = data.NumSamples;
        if (data.SymbolicSampleSize != SymbolicSampleSize.Sample32 || n < 0 || n > MaxSamplesPerBlock)
        {
            return TResult.InvalidArgument;
        }
        ApplyParameterChanges(new ParameterChanges(data.InputParameterChanges));
        CheckPrimerTrigger();
        ReportStatus(new ParameterChanges(data.OutputParameterChanges));
        if (n == 0)
        {
            return TResult.Ok; // a parameter flush: nothing to render
        }

        var inputs = data.InputBuses;
        if (Primer is not null && inputs.Length > 0 && inputs[0].NumChannels > 0)
        {
            Primer.Write(inputs[0].Channel(0, n), inputs[0].Channel(1, n));
        }

        _events.Fill(new EventList(data.InputEvents), n);
        var timing = Timing(data.ProcessContext, n, data.ProcessMode == ProcessMode.Offline);
        var projectSample = timing.ProjectSample;
        source.BeginBlock(timing);
        var mixLeft = _mixLeft.AsSpan(0, n);
        var mixRight = _mixRight.AsSpan(0, n);
        mixLeft.Clear();
        mixRight.Clear();
        Render(projectSample, mixLeft, mixRight);
        WriteOutputs(data.OutputBuses, mixLeft, mixRight);
        _samplesSinceStart += n;
        Blocks++;
        OfflineBlocks += data.ProcessMode == ProcessMode.Offline ? 1 : 0;
        return TResult.Ok;
    }

    private void Render(long projectSample, Span<float> mixLeft, Span<float> mixRight)
    {
        var gain = (float)Math.Pow(10, parameters.GetPlain(AdaParameterId.OutputGain) / 20);
        var position = 0;
        var next = 0;
        while (position < mixLeft.Length)
        {
            for (; next < _events.Count && _events[next].Offset <= position; next++)
            {
                var e = _events[next];
                source.OnNote(e, projectSample + e.Offset);
                if (e.IsOn)
                {
                    _voices.NoteOn(e.Key, e.Velocity);
                }
                else
                {
                    _voices.NoteOff(e.Key);
                }
            }
            var end = next < _events.Count ? _events[next].Offset : mixLeft.Length;
            _voices.Render(source, projectSample + position, gain, mixLeft[position..end], mixRight[position..end], _takeLeft, _takeRight);
            position = end;
        }
    }

    /// <summary>The block's timeline facts; without a context the block plays at samples since activation.</summary>
    private unsafe BlockTiming Timing(ProcessContext* context, int frames, bool offline)
    {
        if (context == null)
        {
            return new BlockTiming(_samplesSinceStart, frames, true, offline, 0, 0, 0, 0);
        }
        var flags = context->State;
        var signature = (flags & ProcessContextFlags.TimeSigValid) != 0;
        return new BlockTiming(
            context->ProjectTimeSamples, frames, (flags & ProcessContextFlags.Playing) != 0, offline,
            (flags & ProcessContextFlags.TempoValid) != 0 ? context->Tempo : 0,
            (flags & ProcessContextFlags.ProjectTimeMusicValid) != 0 ? context->ProjectTimeMusic : 0,
            signature ? context->TimeSigNumerator : 0, signature ? context->TimeSigDenominator : 0);
    }

    private static void WriteOutputs(Span<AudioBusBuffers> outputs, ReadOnlySpan<float> mixLeft, ReadOnlySpan<float> mixRight)
    {
        if (outputs.IsEmpty)
        {
            return;
        }
        ref var bus = ref outputs[0];
        var silent = !mixLeft.ContainsAnyExcept(0f) && !mixRight.ContainsAnyExcept(0f);
        for (var channel = 0; channel < bus.NumChannels; channel++)
        {
            var target = bus.Channel(channel, mixLeft.Length);
            if (target.IsEmpty)
            {
                continue; // the host gave no memory for this channel
            }
            switch (channel)
            {
                case 0:
                    mixLeft.CopyTo(target);
                    break;
                case 1:
                    mixRight.CopyTo(target);
                    break;
                default:
                    target.Clear();
                    break;
            }
        }
        bus.SilenceFlags = silent && bus.NumChannels > 0 ? ulong.MaxValue >> (64 - Math.Min(64, bus.NumChannels)) : 0;
    }

    private void ApplyParameterChanges(ParameterChanges changes)
    {
        var count = changes.Count;
        for (var i = 0; i < count; i++)
        {
            var queue = changes.Get(i);
            if (!queue.IsValid
                || !parameters.TryGetDefinition(queue.ParameterId, out var definition)
                || definition.IsReadOnly
                || !queue.TryGetLast(out _, out var value))
            {
                continue;
            }
            parameters.SetNormalized(definition.Id, value);
        }
    }

    private void CheckPrimerTrigger()
    {
        var held = parameters.GetPlain(AdaParameterId.PrimerCapture) >= 0.5;
        if (held && !_captureHeld)
        {
            Primer?.RequestCapture((int)(parameters.GetPlain(AdaParameterId.PrimerLength) * SampleRate));
        }
        _captureHeld = held;
    }

    private void ReportStatus(ParameterChanges output)
    {
        var status = source.Status;
        var depthMs = status.BufferedFrames * 1000.0 / SampleRate;
        parameters.SetPlain(AdaParameterId.ServiceConnected, status.Connected ? 1 : 0);
        parameters.SetPlain(AdaParameterId.BufferDepth, depthMs);
        parameters.SetPlain(AdaParameterId.Underruns, status.Underruns);
        parameters.SetPlain(AdaParameterId.ModelChanged, status.ModelChanged ? 1 : 0);
        for (var i = 0; i < StatusParameters.Length; i++)
        {
            var value = parameters.GetNormalized(StatusParameters[i]);
            if (value.Equals(_reportedStatus[i]) || !output.IsValid)
            {
                continue;
            }
            var queue = output.Add((uint)StatusParameters[i]);
            if (queue.IsValid && queue.AddPoint(0, value))
            {
                _reportedStatus[i] = value;
            }
        }
    }
}
