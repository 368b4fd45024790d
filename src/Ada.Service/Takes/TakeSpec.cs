using System.Globalization;
using System.Text;
using Ada.Inference;
using Ada.Protocol;
using Ada.Service.Models;

namespace Ada.Service.Takes;

/// <summary>
/// The identity of a take: everything its audio is a pure function of (model, temperatures, length, seed, variation,
/// primer) plus the sampler's backend (kernel path or torch device), because bit-identity is promised per backend only.
/// </summary>
internal sealed class TakeSpec
{
    /// <summary>
    /// Describes take (seed, variation, primer) of <paramref name="preset"/>; a primed take also needs the primer's codes for
    /// the preset's model (<paramref name="primerCodes"/>), which are a function of the primer and the model.
    /// </summary>
    public TakeSpec(ResolvedPreset preset, ulong seed, int variation, ContentHash primer, PrimerCodes? primerCodes = null)
    {
        if (primer.IsNone ? primerCodes is not null : primerCodes?.Primer != primer)
            throw new ArgumentException(primer.IsNone ? "an unprimed take has no primer codes" : $"primed take (primer {primer}) needs that primer's codes", nameof(primerCodes));
        Preset = preset;
        PrimerCodes = primerCodes;
        Seed = seed;
        Variation = variation;
        Primer = primer;
        Sampler = preset.Levels[0].Backend;
        var temperatures = string.Join(",", preset.Temperatures.Select(t => BitConverter.SingleToInt32Bits(t).ToString("x8", CultureInfo.InvariantCulture)));
        // Everything but seed and variation: takes that share it can be streams of one sampler batch. The field keeps the name
        // "kernel" (a CPU backend is the kernel path's name), so take ids and disk caches of CPU takes stay what they were.
        BatchKey = $"ada-take/1\nmodel={preset.ModelHash}\ntemperatures={temperatures}\nlength={LengthSamples}\nprimer={primer}\nkernel={Sampler}";
        Key = ContentHash.Of(Encoding.UTF8.GetBytes($"{BatchKey}\nseed={seed}\nvariation={variation}"));
    }

    /// <summary>The preset (model levels and sampling settings) the take renders with.</summary>
    public ResolvedPreset Preset { get; }

    /// <summary>Sampling seed.</summary>
    public ulong Seed { get; }

    /// <summary>Variation (seed offset).</summary>
    public int Variation { get; }

    /// <summary>Primer the take continues from; <see cref="ContentHash.None"/> for none.</summary>
    public ContentHash Primer { get; }

    /// <summary>The primer's codes the sampler is primed with; null without a primer.</summary>
    public PrimerCodes? PrimerCodes { get; }

    /// <summary>The levels' <see cref="IIncrementalWaveNet.Backend"/>, e.g. "Vector512" or "torch:cuda:0".</summary>
    public string Sampler { get; }

    /// <summary>The take id: SHA-256 over the canonical description; names the take's cache folder.</summary>
    public ContentHash Key { get; }

    /// <summary>Canonical description without seed and variation.</summary>
    public string BatchKey { get; }

    /// <summary>Model-rate samples in the take.</summary>
    public long LengthSamples => Preset.LengthSamples;

    /// <summary>The sampler stream seed of this take.</summary>
    public ulong StreamSeed => HierarchySampler.StreamSeed(Seed, Variation);

    /// <inheritdoc />
    public override string ToString() => $"take {Key.ToString()[..12]} ({Preset.Name}, seed {Seed}, variation {Variation})";
}
