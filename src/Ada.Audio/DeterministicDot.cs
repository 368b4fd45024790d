using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ada.Audio;

/// <summary>A dot product whose rounding depends only on the inputs, not on memory alignment or the CPU's widest vector.</summary>
/// <remarks>TensorPrimitives.Dot may split work by address alignment, so a moved array could change the last bit; streamed
/// resampling must be bit-exact, hence 8 fixed lanes combined in a fixed order, multiply and add kept separate (no FMA).</remarks>
internal static class DeterministicDot
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("spans differ in length");
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        var lanes = Vector256<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            lanes += Vector256.LoadUnsafe(ref ra, (nuint)i) * Vector256.LoadUnsafe(ref rb, (nuint)i);
        float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
