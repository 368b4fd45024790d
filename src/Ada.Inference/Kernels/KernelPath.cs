using System.Runtime.Intrinsics;

namespace Ada.Inference.Kernels;

/// <summary>Vector width of the sampler's kernels. Results are bit-identical for one path, not promised across paths.</summary>
public enum KernelPath
{
    /// <summary>128-bit lanes (SSE / NEON): the portable fallback.</summary>
    Vector128,
    /// <summary>256-bit lanes (AVX2): most producers' CPUs.</summary>
    Vector256,
    /// <summary>512-bit lanes (AVX-512).</summary>
    Vector512,
}

/// <summary>Picks the widest kernel path the CPU accelerates.</summary>
public static class KernelPaths
{
    /// <summary>The widest accelerated path on this CPU.</summary>
    public static KernelPath Best =>
        Vector512.IsHardwareAccelerated ? KernelPath.Vector512 :
        Vector256.IsHardwareAccelerated ? KernelPath.Vector256 : KernelPath.Vector128;

    /// <summary>True when this CPU accelerates <paramref name="path"/>.</summary>
    public static bool IsSupported(KernelPath path) => path switch
    {
        KernelPath.Vector512 => Vector512.IsHardwareAccelerated,
        KernelPath.Vector256 => Vector256.IsHardwareAccelerated,
        _ => true,
    };
}
