using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Service.Models;
using Ada.Service.Takes;

namespace Ada.Service.Sessions;

/// <summary>
/// Primer codes per (model, primer), encoded once through the model source and kept for the most recent
/// <paramref name="capacity"/> pairs; every variation and re-arm of a primed take shares them.
/// </summary>
internal sealed class PrimerEncodings(ITakeModelSource models, int capacity = 16)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Model, ContentHash Primer), PrimerCodes> _codes = [];
    private readonly Queue<(string, ContentHash)> _order = new();

    /// <summary>
    /// The (lazily encoded) codes of <paramref name="primer"/> for <paramref name="preset"/>'s model. A primer too short to
    /// encode is refused here (<see cref="RequestException"/>); an encoder failure fails the takes that need the codes.
    /// </summary>
    public PrimerCodes For(ResolvedPreset preset, StoredPrimer primer)
    {
        long samples = primer.ModelRateLength;
        if (samples < preset.SamplesPerTopFrame)
            throw new RequestException(ErrorCode.BadRequest, $"ArmTake: primer {primer.Hash} is {samples} samples at 16 kHz, shorter than one top-level frame of preset '{preset.Name}' ({preset.SamplesPerTopFrame} samples)");
        var key = (preset.ModelHash, primer.Hash);
        lock (_lock)
        {
            if (_codes.TryGetValue(key, out var known)) return known;
            var codes = new PrimerCodes(primer.Hash, () => Encode(preset, primer));
            _codes[key] = codes;
            _order.Enqueue(key);
            while (_order.Count > capacity) _codes.Remove(_order.Dequeue());
            return codes;
        }
    }

    private IReadOnlyList<int[]> Encode(ResolvedPreset preset, StoredPrimer primer)
    {
        var codes = models.EncodePrimer(preset, primer.MonoAtModelRate());
        return preset.PrimerProblem(codes) is { } problem ? throw new InvalidDataException($"primer {primer.Hash}: {problem}") : codes;
    }
}
