using System.Numerics;

namespace Ada.Plots;

/// <summary>In-place iterative radix-2 complex FFT of one fixed power-of-two size, with twiddles and bit-reversal precomputed so each frame costs no allocation.</summary>
public sealed class Fft
{
    readonly int[] bitReversed;
    readonly Complex[] twiddles; // e^{-2πik/N} for k < N/2

    /// <summary>Prepares transforms of length <paramref name="size"/> (a power of two, at least 1).</summary>
    public Fft(int size)
    {
        if (size < 1 || !BitOperations.IsPow2(size))
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two");
        Size = size;
        int bits = BitOperations.Log2((uint)size);
        bitReversed = new int[size];
        for (int i = 0; i < size; i++)
            bitReversed[i] = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));
        twiddles = new Complex[size / 2];
        for (int k = 0; k < twiddles.Length; k++)
            twiddles[k] = Complex.FromPolarCoordinates(1, -2 * Math.PI * k / size);
    }

    /// <summary>Transform length.</summary>
    public int Size { get; }

    /// <summary>Replaces <paramref name="data"/> (N,) by its DFT X[k] = Σ x[n] e^{-2πikn/N} (unnormalised).</summary>
    public void Forward(Span<Complex> data)
    {
        if (data.Length != Size)
            throw new ArgumentException($"expected {Size} values, got {data.Length}", nameof(data));
        for (int i = 0; i < Size; i++)
        {
            int j = bitReversed[i];
            if (j > i)
                (data[i], data[j]) = (data[j], data[i]);
        }
        for (int half = 1; half < Size; half *= 2)
        {
            int stride = Size / (2 * half);
            for (int start = 0; start < Size; start += 2 * half)
            {
                for (int k = 0; k < half; k++)
                {
                    var odd = twiddles[k * stride] * data[start + k + half];
                    var even = data[start + k];
                    data[start + k] = even + odd;
                    data[start + k + half] = even - odd;
                }
            }
        }
    }

    static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
