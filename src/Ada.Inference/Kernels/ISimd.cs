using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ada.Inference.Kernels;

/// <summary>The few vector operations the kernels need, so one generic kernel serves Vector512 and Vector256.</summary>
/// <remarks>The JIT specialises generic methods over struct type arguments, so these calls inline to plain intrinsics.</remarks>
public interface ISimd<TSelf> where TSelf : struct, ISimd<TSelf>
{
    /// <summary>Floats per vector.</summary>
    static abstract int Width { get; }
    /// <summary>Loads <see cref="Width"/> floats.</summary>
    static abstract TSelf Load(ref float source);
    /// <summary>Loads <see cref="Width"/> bf16 values (raw bits) as floats: zero-extend each 16-bit lane to 32, shift left 16 (exact, no BF16 instructions).</summary>
    static abstract TSelf LoadBFloat16(ref ushort source);
    /// <summary>Stores <see cref="Width"/> floats.</summary>
    static abstract void Store(TSelf value, ref float destination);
    /// <summary>All lanes set to <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(float value);
    /// <summary>a × b + c, fused (one rounding), lane-wise.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);
}

/// <summary>AVX-512 lanes (16 floats).</summary>
public readonly struct Simd512 : ISimd<Simd512>
{
    readonly Vector512<float> _v;
    Simd512(Vector512<float> v) => _v = v;
    /// <inheritdoc />
    public static int Width => Vector512<float>.Count;
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Load(ref float source) => new(Vector512.LoadUnsafe(ref source));
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd512 value, ref float destination) => value._v.StoreUnsafe(ref destination);
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 LoadBFloat16(ref ushort source)
    {
        var bits = Vector256.LoadUnsafe(ref source);
        // one vpmovzxwd; the portable widen is for runtimes that accelerate Vector512 without AVX-512F
        var wide = Avx512F.IsSupported ? Avx512F.ConvertToVector512UInt32(bits) : Vector512.Create(Vector256.WidenLower(bits), Vector256.WidenUpper(bits));
        return new(Vector512.ShiftLeft(wide, 16).AsSingle());
    }
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Broadcast(float value) => new(Vector512.Create(value));
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 MultiplyAdd(Simd512 a, Simd512 b, Simd512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
}

/// <summary>AVX2 lanes (8 floats): the path for CPUs without AVX-512.</summary>
public readonly struct Simd256 : ISimd<Simd256>
{
    readonly Vector256<float> _v;
    Simd256(Vector256<float> v) => _v = v;
    /// <inheritdoc />
    public static int Width => Vector256<float>.Count;
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Load(ref float source) => new(Vector256.LoadUnsafe(ref source));
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd256 value, ref float destination) => value._v.StoreUnsafe(ref destination);
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 LoadBFloat16(ref ushort source)
    {
        var bits = Vector128.LoadUnsafe(ref source);
        // one vpmovzxwd; the portable widen is for runtimes that accelerate Vector256 without AVX2
        var wide = Avx2.IsSupported ? Avx2.ConvertToVector256Int32(bits).AsUInt32() : Vector256.Create(Vector128.WidenLower(bits), Vector128.WidenUpper(bits));
        return new(Vector256.ShiftLeft(wide, 16).AsSingle());
    }
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Broadcast(float value) => new(Vector256.Create(value));
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 MultiplyAdd(Simd256 a, Simd256 b, Simd256 c) => new(Vector256.FusedMultiplyAdd(a._v, b._v, c._v));
}

/// <summary>128-bit lanes (4 floats): SSE on x86, NEON on Arm.</summary>
public readonly struct Simd128 : ISimd<Simd128>
{
    readonly Vector128<float> _v;
    Simd128(Vector128<float> v) => _v = v;
    /// <inheritdoc />
    public static int Width => Vector128<float>.Count;
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Load(ref float source) => new(Vector128.LoadUnsafe(ref source));
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd128 value, ref float destination) => value._v.StoreUnsafe(ref destination);
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 LoadBFloat16(ref ushort source)
    {
        // 64 bits hold the 4 values: a 128-bit load could read past the end of the matrix
        var bits = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref source))).AsUInt16();
        return new(Vector128.ShiftLeft(Vector128.WidenLower(bits), 16).AsSingle());
    }
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Broadcast(float value) => new(Vector128.Create(value));
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 MultiplyAdd(Simd128 a, Simd128 b, Simd128 c) => new(Vector128.FusedMultiplyAdd(a._v, b._v, c._v));
}
