using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ada.Inference.Kernels;

/// <summary>
/// y[b] += W · x[b] for a batch of streams, with W stored transposed (row j = the weights that input j
/// feeds, padded to a multiple of 16 outputs). Broadcasting one input against a contiguous weight row
/// needs no horizontal sums, and every output lane accumulates its terms in the same order (j = 0..n−1,
/// fused multiply-add) whatever the batch blocking, block width or vector width, so batched streams equal single
/// streams bit for bit.
/// </summary>
public static class MatVec
{
    /// <summary>Output padding unit: one 512-bit vector (a whole number of vectors on every path).</summary>
    public const int OutputAlignment = 16;

    /// <summary>Rounds <paramref name="m"/> up to <see cref="OutputAlignment"/>.</summary>
    public static int Pad(int m) => (m + OutputAlignment - 1) / OutputAlignment * OutputAlignment;

    /// <summary>Accumulates W·x into y for <paramref name="batch"/> streams.</summary>
    /// <param name="weightsT">W transposed: n rows of <paramref name="mPadded"/> floats.</param>
    /// <param name="n">Inputs per stream.</param>
    /// <param name="mPadded">Outputs per stream, a multiple of <see cref="OutputAlignment"/>.</param>
    /// <param name="x">Inputs, stream b at b × <paramref name="xStride"/>.</param>
    /// <param name="xStride">Distance between streams in <paramref name="x"/>.</param>
    /// <param name="y">Accumulators (already holding the bias), stream b at b × <paramref name="yStride"/>.</param>
    /// <param name="yStride">Distance between streams in <paramref name="y"/>.</param>
    /// <param name="batch">Number of streams.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAccumulate<TSimd>(ReadOnlySpan<float> weightsT, int n, int mPadded,
        ReadOnlySpan<float> x, int xStride, Span<float> y, int yStride, int batch)
        where TSimd : struct, ISimd<TSimd>
    {
        if (mPadded % OutputAlignment != 0) throw new ArgumentException($"outputs {mPadded} not padded to {OutputAlignment}");
        if (weightsT.Length < n * mPadded) throw new ArgumentException("weights shorter than n × mPadded");
        if (batch > 0 && (x.Length < (batch - 1) * xStride + n || y.Length < (batch - 1) * yStride + mPadded))
            throw new ArgumentException("x or y too short for the batch");

        ref float w = ref MemoryMarshal.GetReference(weightsT);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        int b = 0;
        for (; b + 4 <= batch; b += 4)
            Four<TSimd>(ref w, n, mPadded, ref Unsafe.Add(ref x0, b * xStride), xStride, ref Unsafe.Add(ref y0, b * yStride), yStride);
        for (; b < batch; b++)
            One<TSimd>(ref w, n, mPadded, ref Unsafe.Add(ref x0, b * xStride), ref Unsafe.Add(ref y0, b * yStride));
    }

    /// <summary>One stream: four output vectors per pass over the inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void One<TSimd>(ref float w, int n, int m, ref float x, ref float y) where TSimd : struct, ISimd<TSimd>
    {
        int v = TSimd.Width;
        int m0 = 0;
        for (; m0 + 4 * v <= m; m0 += 4 * v)
        {
            var a0 = TSimd.Load(ref Unsafe.Add(ref y, m0));
            var a1 = TSimd.Load(ref Unsafe.Add(ref y, m0 + v));
            var a2 = TSimd.Load(ref Unsafe.Add(ref y, m0 + 2 * v));
            var a3 = TSimd.Load(ref Unsafe.Add(ref y, m0 + 3 * v));
            ref float row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var xj = TSimd.Broadcast(Unsafe.Add(ref x, j));
                a0 = TSimd.MultiplyAdd(TSimd.Load(ref row), xj, a0);
                a1 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref row, v)), xj, a1);
                a2 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref row, 2 * v)), xj, a2);
                a3 = TSimd.MultiplyAdd(TSimd.Load(ref Unsafe.Add(ref row, 3 * v)), xj, a3);
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
            ref float row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                a = TSimd.MultiplyAdd(TSimd.Load(ref row), TSimd.Broadcast(Unsafe.Add(ref x, j)), a);
                row = ref Unsafe.Add(ref row, m);
            }
            TSimd.Store(a, ref Unsafe.Add(ref y, m0));
        }
    }

    /// <summary>Four streams: each weight vector is loaded once and used four times (2 vectors × 4 streams in registers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Four<TSimd>(ref float w, int n, int m, ref float x, int xs, ref float y, int ys) where TSimd : struct, ISimd<TSimd>
    {
        int v = TSimd.Width;
        ref float x1 = ref Unsafe.Add(ref x, xs);
        ref float x2 = ref Unsafe.Add(ref x, 2 * xs);
        ref float x3 = ref Unsafe.Add(ref x, 3 * xs);
        ref float y1 = ref Unsafe.Add(ref y, ys);
        ref float y2 = ref Unsafe.Add(ref y, 2 * ys);
        ref float y3 = ref Unsafe.Add(ref y, 3 * ys);
        int m0 = 0;
        for (; m0 + 2 * v <= m; m0 += 2 * v)
        {
            var a00 = TSimd.Load(ref Unsafe.Add(ref y, m0)); var a01 = TSimd.Load(ref Unsafe.Add(ref y, m0 + v));
            var a10 = TSimd.Load(ref Unsafe.Add(ref y1, m0)); var a11 = TSimd.Load(ref Unsafe.Add(ref y1, m0 + v));
            var a20 = TSimd.Load(ref Unsafe.Add(ref y2, m0)); var a21 = TSimd.Load(ref Unsafe.Add(ref y2, m0 + v));
            var a30 = TSimd.Load(ref Unsafe.Add(ref y3, m0)); var a31 = TSimd.Load(ref Unsafe.Add(ref y3, m0 + v));
            ref float row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var w0 = TSimd.Load(ref row);
                var w1 = TSimd.Load(ref Unsafe.Add(ref row, v));
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
            ref float row = ref Unsafe.Add(ref w, m0);
            for (int j = 0; j < n; j++)
            {
                var wv = TSimd.Load(ref row);
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
