using System.Runtime.CompilerServices;

namespace Ada.Inference.Kernels;

/// <summary>How the sampler stores its weight matrices; activations, accumulators, biases, the embedding and conditioning tables stay fp32 either way.</summary>
public enum WeightPrecision
{
    /// <summary>fp32 weights: the default, and what renders and the service use.</summary>
    Float32,
    /// <summary>bf16 weights (round to nearest even): half the bytes a step reads; logits within <see cref="BFloat16Bits.UnitRoundoff"/>-derived tolerance of fp32, not equal to them.</summary>
    BFloat16,
}

/// <summary>Names of <see cref="WeightPrecision"/> on command lines and in backend names.</summary>
public static class WeightPrecisions
{
    /// <summary>"fp32" or "bf16".</summary>
    public static string Name(WeightPrecision precision) => precision == WeightPrecision.BFloat16 ? "bf16" : "fp32";

    /// <summary>The precision named "fp32" or "bf16" (case-insensitive).</summary>
    public static WeightPrecision Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "fp32" => WeightPrecision.Float32,
        "bf16" => WeightPrecision.BFloat16,
        _ => throw new ArgumentException($"unknown weight precision '{name}': use fp32 or bf16"),
    };
}

/// <summary>How a kernel reads one vector of weights stored as <typeparamref name="TElement"/> into fp32 lanes.</summary>
/// <remarks>A struct type argument, so the JIT compiles one kernel per format with the load inlined.</remarks>
public interface IWeightFormat<TElement> where TElement : unmanaged
{
    /// <summary>Loads <c>TSimd.Width</c> weights as floats.</summary>
    static abstract TSimd Load<TSimd>(ref TElement source) where TSimd : struct, ISimd<TSimd>;
}

/// <summary>fp32 weights, loaded as they are.</summary>
public readonly struct Float32Weights : IWeightFormat<float>
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TSimd Load<TSimd>(ref float source) where TSimd : struct, ISimd<TSimd> => TSimd.Load(ref source);
}

/// <summary>bf16 weights (raw bits in a ushort), widened exactly to fp32 on load.</summary>
public readonly struct BFloat16Weights : IWeightFormat<ushort>
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TSimd Load<TSimd>(ref ushort source) where TSimd : struct, ISimd<TSimd> => TSimd.LoadBFloat16(ref source);
}

/// <summary>bfloat16 as raw bits: the upper 16 bits of an fp32 (sign, 8 exponent bits, 7 fraction bits).</summary>
public static class BFloat16Bits
{
    /// <summary>Largest relative error of <see cref="Round"/> on normal values: half a unit in the 8th significant bit, 2^-8.</summary>
    public const double UnitRoundoff = 1.0 / 256;

    /// <summary>The bf16 nearest <paramref name="value"/>, ties to even; NaN stays a (quiet) NaN, overflow rounds to infinity.</summary>
    public static ushort Round(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        // a NaN whose payload sits only in the dropped bits must not round to infinity
        if (float.IsNaN(value)) return (ushort)((bits >> 16) | 0x40);
        // adding 0x7FFF plus the kept part's lowest bit carries into bit 16 exactly when the dropped half is above a tie, or a tie with an odd kept part
        return (ushort)((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16);
    }

    /// <summary>Every value of <paramref name="values"/> rounded with <see cref="Round"/>.</summary>
    public static ushort[] Round(float[] values) => Array.ConvertAll(values, Round);

    /// <summary>The fp32 value of bf16 <paramref name="bits"/> (exact).</summary>
    public static float Widen(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);
}
