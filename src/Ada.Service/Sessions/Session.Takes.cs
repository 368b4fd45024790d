using Ada.Audio;
using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Protocol.Rings;
using Ada.Service.Models;
using Ada.Service.Streaming;
using Ada.Service.Takes;

namespace Ada.Service.Sessions;

internal sealed partial class Session
{
    /// <summary>
    /// LoadPreset: resolves the preset (and its model), checks the expected checkpoint, answers Status (from protocol 3 carrying
    /// the model's hash, which a client saves so a reopened project can expect it).
    /// </summary>
    public void OnLoadPreset(in LoadPresetMessage load, uint requestId)
    {
        var preset = Resolve(load.Preset);
        var checkpoint = CheckpointOf(preset);
        if (!load.ExpectedCheckpoint.IsNone && load.ExpectedCheckpoint != checkpoint)
            throw new RequestException(ErrorCode.CheckpointMismatch,
                $"LoadPreset: preset '{load.Preset}' resolves to model {checkpoint}, the client expects {load.ExpectedCheckpoint}");
        _preset = preset;
        Send(Status(), requestId);
    }

    /// <summary>The preset's model hash as the protocol carries it; a hash that is not SHA-256 hex is the model source's bug.</summary>
    private static ContentHash CheckpointOf(ResolvedPreset preset) =>
        ContentHash.TryParse(preset.ModelHash, out var hash) && !hash.IsNone
            ? hash
            : throw new RequestException(ErrorCode.Internal, $"preset '{preset.Name}': model hash '{preset.ModelHash}' is not 64 hex digits");

    /// <summary>
    /// ArmTake: claims the take (rendering what the cache lacks; a primed take continues from its primer's codes), creates its
    /// ring at the host rate placed by the take start and transposition (protocol 2; version 1 means start 0, untransposed),
    /// starts a segment at the current position and answers RingAttached. Re-arming a take id with the same take, placement
    /// and rate returns the same ring unless that take failed; anything else replaces it. A failed take's ring is replaced
    /// because the client was told to arm the take again: the take is claimed afresh, so its generation restarts.
    /// </summary>
    public void OnArmTake(in ArmTakeMessage arm, uint requestId)
    {
        int rate = HostRate();
        var preset = WithTemperature(Resolve(arm.Preset));
        var spec = new TakeSpec(preset, arm.Seed, arm.Variation, arm.PrimerHash, PrimerCodesFor(preset, arm.PrimerHash));
        var placement = new TakePlacement(arm.TakeStart, arm.Transpose);
        (_lastSeed, _lastPrimer) = (arm.Seed, arm.PrimerHash);
        _rings.TryGetValue(arm.TakeId, out var existing);
        if (existing is { Take.Error: null } && existing.Take.Spec.Key == spec.Key && existing.Placement == placement
            && existing.Writer.SampleRate == rate)
        {
            SendAttached(arm.TakeId, existing.Writer, requestId);
            return;
        }
        // A failed take must lose its last claim before it is claimed again, so the cache starts it afresh. A healthy one
        // keeps the old ring's claim until the new ring holds its own: otherwise its render job loses all interest for a
        // moment, is dropped, and the chunk it was generating is generated again.
        if (existing?.Take.Error is not null) CloseRing(arm.TakeId);
        int others = _rings.Count - (_rings.ContainsKey(arm.TakeId) ? 1 : 0);
        if (others >= _ctx.Options.MaxRingsPerClient)
            throw new RequestException(ErrorCode.Busy, $"ArmTake: this client already has {others} rings, the limit is {_ctx.Options.MaxRingsPerClient}");

        var writer = CreateRing(arm.TakeId, rate);
        RingFeeder feeder;
        try
        {
            feeder = RingFeeder.Create(writer, _ctx.Takes, spec, placement, _playback, Id, _ctx.Options.TargetDepthFrames(rate),
                _ctx.Options.StarvingLead, StartPosition());
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        CloseRing(arm.TakeId);
        _rings[arm.TakeId] = feeder;
        _ctx.Metrics.RingOpened();
        _ctx.Pump.Add(feeder);
        _prerenders.Cancel(spec.Key);
        SendAttached(arm.TakeId, writer, requestId);
    }

    /// <summary>The codes a take continuing from <paramref name="primer"/> is primed with (null for none); the primer must have been received.</summary>
    private PrimerCodes? PrimerCodesFor(ResolvedPreset preset, ContentHash primer)
    {
        if (primer.IsNone) return null;
        var stored = _ctx.Primers.Find(primer)
                     ?? throw new RequestException(ErrorCode.PrimerMissing, $"ArmTake: primer {primer} was not received (send its PrimerChunks first)");
        return _ctx.PrimerEncodings.For(preset, stored);
    }

    private ResolvedPreset Resolve(string reference)
    {
        ResolvedPreset preset;
        try
        {
            preset = _ctx.Models.Resolve(reference);
        }
        catch (ModelSourceException e)
        {
            throw new RequestException(e.Code, e.Message);
        }
        return preset.Problem() is { } problem ? throw new RequestException(ErrorCode.PresetNotFound, problem) : preset;
    }

    /// <summary>The host rate from Hello or Transport, checked to be a whole number the resampler supports.</summary>
    private int HostRate()
    {
        double rate = _hostRate;
        if (rate <= 0) throw new RequestException(ErrorCode.BadRequest, "ArmTake: the host sample rate is unknown; send it in Hello or Transport first");
        if (rate != Math.Floor(rate) || rate > int.MaxValue) throw new RequestException(ErrorCode.BadRequest, $"ArmTake: host sample rate {rate} Hz is not a whole number");
        try
        {
            _ = new StreamingResampler(ResolvedPreset.ModelSampleRate, (int)rate);
        }
        catch (ArgumentException e)
        {
            throw new RequestException(ErrorCode.BadRequest, $"ArmTake: host sample rate {rate} Hz is not supported: {e.Message}");
        }
        return (int)rate;
    }

    /// <summary>Where a new ring starts: the playhead of a ring already playing, else the last seek/stopped-transport position.</summary>
    private long StartPosition() =>
        _playback.Playing && _rings.Count > 0 ? _rings.Values.First().ReaderPosition() : _position;

    private RingWriter CreateRing(ulong takeId, int rate)
    {
        var options = new RingOptions(StaleRings.Prefix(Id), 2, rate, _ctx.Options.CapacityFor(rate))
        {
            TakeId = takeId,
            Directory = _ctx.Options.RingDirectory,
        };
        try
        {
            Directory.CreateDirectory(_ctx.Options.RingDirectory);
            return RingWriter.Create(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RequestException(ErrorCode.RingUnavailable, $"ArmTake: cannot create a ring in {_ctx.Options.RingDirectory}: {e.Message}");
        }
    }

    private void SendAttached(ulong takeId, RingWriter writer, uint requestId) =>
        Send(new RingAttachedMessage(takeId, writer.Path, (uint)writer.CapacityFrames, (ushort)writer.Channels, (uint)writer.SampleRate), requestId);
}
