using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Ada.Inference.Kernels;

/// <summary>
/// y[b] += W · x[b] for a batch of streams, with W stored transposed (row j = the weights that input j
/// feeds, padded to a multiple of 16 outputs). Broadcasting one input against a contiguous weight row
/// needs no horizontal sums, and every output lane accumulates its terms in the same order (j = 0..n−1,
/// fused multiply-add) whatever the batch blocking, block width or vector width, so batched streams equal single
/// streams bit for bit. Weights in a reduced format (<see cref="IWeightFormat{TElement}"/>) are widened exactly to fp32 on load,
/// so the same holds per format.
/// </summary>
public static class MatVec
{
    /// <summary>Output padding unit: one 512-bit vector (a whole number of vectors on every path).</summary>
    public const int OutputAlignment = 16;

    /// <summary>Rounds <paramref name="m"/> up to <see cref="OutputAlignment"/>.</summary>
    public static int Pad(int m) => (m + OutputAlignment - 1) / OutputAlignment * OutputAlignment;

    /// <summary>Accumulates W·x into y for <paramref name="batch"/> streams.</summary>
    /// <typeparam name="TSimd">Vector width.</typeparam>
    /// <typeparam name="TFormat">How the weights are stored (<see cref="Float32Weights"/>, <see cref="BFloat16Weights"/>).</typeparam>
    /// <typeparam name="TElement">The stored weight element.</typeparam>
    /// <param name="weightsT">W transposed: n rows of <paramref name="mPadded"/> weights, stored as <typeparamref name="TFormat"/> reads them.</param>
    /// <param name="n">Inputs per stream.</param>
    /// <param name="mPadded">Outputs per stream, a multiple of <see cref="OutputAlignment"/>.</param>
    /// <param name="x">Inputs, stream b at b × <paramref name="xStride"/>.</param>
    /// <param name="xStride">Distance between streams in <paramref name="x"/>.</param>
    /// <param name="y">Accumulators (already holding the bias), stream b at b × <paramref name="yStride"/>.</param>
    /// <param name="yStride">Distance between streams in <paramref name="y"/>.</param>
    /// <param name="batch">Number of streams.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAccumulate<TSimd, TFormat, TElement>(ReadOnlySpan<TElement> weightsT, int n, int mPadded,
        ReadOnlySpan<float> x, int xStride, Span<float> y, int yStride, int batch)
        where TSimd : struct, ISimd<TSimd> where TFormat : struct, IWeightFormat<TElement> where TElement : unmanaged
    {
        if (mPadded % OutputAlignment != 0) throw new ArgumentException($"outputs {mPadded} not padded to {OutputAlignment}");
        if (weightsT.Length < n * mPadded) throw new ArgumentException("weights shorter than n × mPadded");
        if (batch > 0 && (x.Length < (batch - 1) * xStride + n || y.Length < (batch - 1) * yStride + mPadded))
            throw new ArgumentException("x or y too short for the batch");

        ref TElement w = ref MemoryMarshal.GetReference(weightsT);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        int b = 0;
        for (; b + 4 <= batch; b += 4)
            Four<TSimd, TFormat, TElement>(ref w, n, mPadded, ref Unsafe.Add(ref x0, b * xStride), xStride, ref Unsafe.Add(ref y0, b * yStride), yStride);
        for (; b < batch; b++)
            One<TSimd, TFormat, TElement>(ref w, n, mPadded, ref Unsafe.Add(ref x0, b * xStride), ref Unsafe.Add(ref y0, b * yStride));
    }

    /// <summary>
    /// One stream: eight output vectors per pass over the inputs, then four, then one. Eight independent accumulator
    /// chains cover FMA latency × two FMA units, and a pass reads whole 512-byte weight rows (m = 128 on Vector512) in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void One<TSimd, TFormat, TElement>(ref TElement w, int n, int m, ref float x, ref float y)
        where TSimd : struct, ISimd<TSimd> where TFormat : struct, IWeightFormat<TElement> where TElement : unmanaged
    {
        int v = TSimd.Width;
        int m0 = 0;
        for (; m0 + 8 * v <= m; m0 += 8 * v)
        {
            ref float y8 = ref Unsafe.Add(ref y, m0);
            var a0 = TSimd.Load(ref y8);
            var a1 = TSimd.Load(ref Unsafe.Add(ref y8, v));
            var a2 = TSimd.Load(ref Unsafe.Add(ref y8, 2 * v));
            var a3 = TSimd.Load(ref Unsafe.Add(ref y8, 3 * v));
            var a4 = TSimd.Load(ref Unsafe.Add(ref y8, 4 * v));
            var a5 = TSimd.Load(ref Unsafe.Add(ref y8, 5 * v));
            var a6 = TSimd.Load(ref Unsafe.Add(ref y8, 6 * v));
            var a7 = TSimd.Load(ref Unsafe.Add(ref y8, 7 * v));
            ref TElement row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var xj = TSimd.Broadcast(Unsafe.Add(ref x, j));
                a0 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref row), xj, a0);
                a1 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, v)), xj, a1);
                a2 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 2 * v)), xj, a2);
                a3 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 3 * v)), xj, a3);
                a4 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 4 * v)), xj, a4);
                a5 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 5 * v)), xj, a5);
                a6 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 6 * v)), xj, a6);
                a7 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 7 * v)), xj, a7);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a0, ref y8);
            TSimd.Store(a1, ref Unsafe.Add(ref y8, v));
            TSimd.Store(a2, ref Unsafe.Add(ref y8, 2 * v));
            TSimd.Store(a3, ref Unsafe.Add(ref y8, 3 * v));
            TSimd.Store(a4, ref Unsafe.Add(ref y8, 4 * v));
            TSimd.Store(a5, ref Unsafe.Add(ref y8, 5 * v));
            TSimd.Store(a6, ref Unsafe.Add(ref y8, 6 * v));
            TSimd.Store(a7, ref Unsafe.Add(ref y8, 7 * v));
        }
        for (; m0 + 4 * v <= m; m0 += 4 * v)
        {
            var a0 = TSimd.Load(ref Unsafe.Add(ref y, m0));
            var a1 = TSimd.Load(ref Unsafe.Add(ref y, m0 + v));
            var a2 = TSimd.Load(ref Unsafe.Add(ref y, m0 + 2 * v));
            var a3 = TSimd.Load(ref Unsafe.Add(ref y, m0 + 3 * v));
            ref TElement row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var xj = TSimd.Broadcast(Unsafe.Add(ref x, j));
                a0 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref row), xj, a0);
                a1 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, v)), xj, a1);
                a2 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 2 * v)), xj, a2);
                a3 = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 3 * v)), xj, a3);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a0, ref Unsafe.Add(ref y, m0));
            TSimd.Store(a1, ref Unsafe.Add(ref y, m0 + v));
            TSimd.Store(a2, ref Unsafe.Add(ref y, m0 + 2 * v));
            TSimd.Store(a3, ref Unsafe.Add(ref y, m0 + 3 * v));
        }
        for (; m0 < m; m0 += v)
        {
            var a = TSimd.Load(ref Unsafe.Add(ref y, m0));
            ref TElement row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                a = TSimd.MultiplyAdd(TFormat.Load<TSimd>(ref row), TSimd.Broadcast(Unsafe.Add(ref x, j)), a);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a, ref Unsafe.Add(ref y, m0));
        }
    }

    /// <summary>
    /// Four streams: each weight vector is loaded once and used four times, 4 vectors × 4 streams in registers where the CPU
    /// has 32 vector registers (AVX-512, Arm), 2 × 4 where it has 16 (AVX2, SSE): 16 accumulators and 8 operands would spill there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Four<TSimd, TFormat, TElement>(ref TElement w, int n, int m, ref float x, int xs, ref float y, int ys)
        where TSimd : struct, ISimd<TSimd> where TFormat : struct, IWeightFormat<TElement> where TElement : unmanaged
    {
        int v = TSimd.Width;
        ref float x1 = ref Unsafe.Add(ref x, xs);
        ref float x2 = ref Unsafe.Add(ref x, 2 * xs);
        ref float x3 = ref Unsafe.Add(ref x, 3 * xs);
        ref float y1 = ref Unsafe.Add(ref y, ys);
        ref float y2 = ref Unsafe.Add(ref y, 2 * ys);
        ref float y3 = ref Unsafe.Add(ref y, 3 * ys);
        bool thirtyTwoRegisters = Avx512F.IsSupported || AdvSimd.IsSupported;   // a JIT-time constant
        int m0 = 0;
        for (; thirtyTwoRegisters && m0 + 4 * v <= m; m0 += 4 * v)
        {
            ref float q0 = ref Unsafe.Add(ref y, m0); ref float q1 = ref Unsafe.Add(ref y1, m0);
            ref float q2 = ref Unsafe.Add(ref y2, m0); ref float q3 = ref Unsafe.Add(ref y3, m0);
            var a00 = TSimd.Load(ref q0); var a01 = TSimd.Load(ref Unsafe.Add(ref q0, v)); var a02 = TSimd.Load(ref Unsafe.Add(ref q0, 2 * v)); var a03 = TSimd.Load(ref Unsafe.Add(ref q0, 3 * v));
            var a10 = TSimd.Load(ref q1); var a11 = TSimd.Load(ref Unsafe.Add(ref q1, v)); var a12 = TSimd.Load(ref Unsafe.Add(ref q1, 2 * v)); var a13 = TSimd.Load(ref Unsafe.Add(ref q1, 3 * v));
            var a20 = TSimd.Load(ref q2); var a21 = TSimd.Load(ref Unsafe.Add(ref q2, v)); var a22 = TSimd.Load(ref Unsafe.Add(ref q2, 2 * v)); var a23 = TSimd.Load(ref Unsafe.Add(ref q2, 3 * v));
            var a30 = TSimd.Load(ref q3); var a31 = TSimd.Load(ref Unsafe.Add(ref q3, v)); var a32 = TSimd.Load(ref Unsafe.Add(ref q3, 2 * v)); var a33 = TSimd.Load(ref Unsafe.Add(ref q3, 3 * v));
            ref TElement row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var w0 = TFormat.Load<TSimd>(ref row);
                var w1 = TFormat.Load<TSimd>(ref Unsafe.Add(ref row, v));
                var w2 = TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 2 * v));
                var w3 = TFormat.Load<TSimd>(ref Unsafe.Add(ref row, 3 * v));
                var b0 = TSimd.Broadcast(Unsafe.Add(ref x, j));
                a00 = TSimd.MultiplyAdd(w0, b0, a00); a01 = TSimd.MultiplyAdd(w1, b0, a01); a02 = TSimd.MultiplyAdd(w2, b0, a02); a03 = TSimd.MultiplyAdd(w3, b0, a03);
                var b1 = TSimd.Broadcast(Unsafe.Add(ref x1, j));
                a10 = TSimd.MultiplyAdd(w0, b1, a10); a11 = TSimd.MultiplyAdd(w1, b1, a11); a12 = TSimd.MultiplyAdd(w2, b1, a12); a13 = TSimd.MultiplyAdd(w3, b1, a13);
                var b2 = TSimd.Broadcast(Unsafe.Add(ref x2, j));
                a20 = TSimd.MultiplyAdd(w0, b2, a20); a21 = TSimd.MultiplyAdd(w1, b2, a21); a22 = TSimd.MultiplyAdd(w2, b2, a22); a23 = TSimd.MultiplyAdd(w3, b2, a23);
                var b3 = TSimd.Broadcast(Unsafe.Add(ref x3, j));
                a30 = TSimd.MultiplyAdd(w0, b3, a30); a31 = TSimd.MultiplyAdd(w1, b3, a31); a32 = TSimd.MultiplyAdd(w2, b3, a32); a33 = TSimd.MultiplyAdd(w3, b3, a33);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a00, ref q0); TSimd.Store(a01, ref Unsafe.Add(ref q0, v)); TSimd.Store(a02, ref Unsafe.Add(ref q0, 2 * v)); TSimd.Store(a03, ref Unsafe.Add(ref q0, 3 * v));
            TSimd.Store(a10, ref q1); TSimd.Store(a11, ref Unsafe.Add(ref q1, v)); TSimd.Store(a12, ref Unsafe.Add(ref q1, 2 * v)); TSimd.Store(a13, ref Unsafe.Add(ref q1, 3 * v));
            TSimd.Store(a20, ref q2); TSimd.Store(a21, ref Unsafe.Add(ref q2, v)); TSimd.Store(a22, ref Unsafe.Add(ref q2, 2 * v)); TSimd.Store(a23, ref Unsafe.Add(ref q2, 3 * v));
            TSimd.Store(a30, ref q3); TSimd.Store(a31, ref Unsafe.Add(ref q3, v)); TSimd.Store(a32, ref Unsafe.Add(ref q3, 2 * v)); TSimd.Store(a33, ref Unsafe.Add(ref q3, 3 * v));
        }
        for (; m0 + 2 * v <= m; m0 += 2 * v)
        {
            var a00 = TSimd.Load(ref Unsafe.Add(ref y, m0)); var a01 = TSimd.Load(ref Unsafe.Add(ref y, m0 + v));
            var a10 = TSimd.Load(ref Unsafe.Add(ref y1, m0)); var a11 = TSimd.Load(ref Unsafe.Add(ref y1, m0 + v));
            var a20 = TSimd.Load(ref Unsafe.Add(ref y2, m0)); var a21 = TSimd.Load(ref Unsafe.Add(ref y2, m0 + v));
            var a30 = TSimd.Load(ref Unsafe.Add(ref y3, m0)); var a31 = TSimd.Load(ref Unsafe.Add(ref y3, m0 + v));
            ref TElement row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var w0 = TFormat.Load<TSimd>(ref row);
                var w1 = TFormat.Load<TSimd>(ref Unsafe.Add(ref row, v));
                var b0 = TSimd.Broadcast(Unsafe.Add(ref x, j));
                var b1 = TSimd.Broadcast(Unsafe.Add(ref x1, j));
                var b2 = TSimd.Broadcast(Unsafe.Add(ref x2, j));
                var b3 = TSimd.Broadcast(Unsafe.Add(ref x3, j));
                a00 = TSimd.MultiplyAdd(w0, b0, a00); a01 = TSimd.MultiplyAdd(w1, b0, a01);
                a10 = TSimd.MultiplyAdd(w0, b1, a10); a11 = TSimd.MultiplyAdd(w1, b1, a11);
                a20 = TSimd.MultiplyAdd(w0, b2, a20); a21 = TSimd.MultiplyAdd(w1, b2, a21);
                a30 = TSimd.MultiplyAdd(w0, b3, a30); a31 = TSimd.MultiplyAdd(w1, b3, a31);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a00, ref Unsafe.Add(ref y, m0)); TSimd.Store(a01, ref Unsafe.Add(ref y, m0 + v));
            TSimd.Store(a10, ref Unsafe.Add(ref y1, m0)); TSimd.Store(a11, ref Unsafe.Add(ref y1, m0 + v));
            TSimd.Store(a20, ref Unsafe.Add(ref y2, m0)); TSimd.Store(a21, ref Unsafe.Add(ref y2, m0 + v));
            TSimd.Store(a30, ref Unsafe.Add(ref y3, m0)); TSimd.Store(a31, ref Unsafe.Add(ref y3, m0 + v));
        }
        for (; m0 < m; m0 += v)
        {
            var a0 = TSimd.Load(ref Unsafe.Add(ref y, m0));
            var a1 = TSimd.Load(ref Unsafe.Add(ref y1, m0));
            var a2 = TSimd.Load(ref Unsafe.Add(ref y2, m0));
            var a3 = TSimd.Load(ref Unsafe.Add(ref y3, m0));
            ref TElement row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var wv = TFormat.Load<TSimd>(ref row);
                a0 = TSimd.MultiplyAdd(wv, TSimd.Broadcast(Unsafe.Add(ref x, j)), a0);
                a1 = TSimd.MultiplyAdd(wv, TSimd.Broadcast(Unsafe.Add(ref x1, j)), a1);
                a2 = TSimd.MultiplyAdd(wv, TSimd.Broadcast(Unsafe.Add(ref x2, j)), a2);
                a3 = TSimd.MultiplyAdd(wv, TSimd.Broadcast(Unsafe.Add(ref x3, j)), a3);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a0, ref Unsafe.Add(ref y, m0));
            TSimd.Store(a1, ref Unsafe.Add(ref y1, m0));
            TSimd.Store(a2, ref Unsafe.Add(ref y2, m0));
            TSimd.Store(a3, ref Unsafe.Add(ref y3, m0));
        }
    }
}
