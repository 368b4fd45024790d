using TorchSharp;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>
/// Tensor arithmetic whose constants stay alive until LibTorch has read them. TorchSharp wraps every constant (and the
/// alpha = 1 of tensor + tensor) in a Scalar that no DisposeScope tracks, reads its native handle and drops it, so a GC
/// during the native call can run the Scalar's finalizer and free the c10::Scalar mid-call ("Expected false to be true"
/// from Scalar::toFloat). Use these instead of + with any operand, and -, *, / with a number, pow, clamp and the like.
/// </summary>
public static class ScalarSafeOps
{
    // alpha of every addition; never freed, so no native call outlives it
    static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + value.</summary>
    public static Tensor Plus(this Tensor a, double value) => Held(value.ToScalar(), s => a.add(s, One));

    /// <summary>a − value.</summary>
    public static Tensor Minus(this Tensor a, double value) => Held(value.ToScalar(), s => a.sub(s));

    /// <summary>a · value.</summary>
    public static Tensor Times(this Tensor a, double value) => Held(value.ToScalar(), s => a.mul(s));

    /// <summary>a · value, with an integer constant (as a * 2 in TorchSharp).</summary>
    public static Tensor Times(this Tensor a, long value) => Held(value.ToScalar(), s => a.mul(s));

    /// <summary>a / value.</summary>
    public static Tensor DividedBy(this Tensor a, double value) => Held(value.ToScalar(), s => a.div(s));

    /// <summary>a ^ exponent, element-wise, with an integer exponent (as a.pow(2) in TorchSharp).</summary>
    public static Tensor Power(this Tensor a, long exponent) => Held(exponent.ToScalar(), s => a.pow(s));

    /// <summary>max(a, min), element-wise.</summary>
    public static Tensor ClampMin(this Tensor a, double min) => Held(min.ToScalar(), s => a.clamp_min(s));

    /// <summary>min(max(a, min), max), element-wise.</summary>
    public static Tensor Clamp(this Tensor a, double min, double max) =>
        Held(min.ToScalar(), lo => Held(max.ToScalar(), hi => a.clamp(lo, hi)));

    /// <summary>a ← a + value, in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, double value) => Held(value.ToScalar(), s => a.add_(s, One));

    /// <summary>a ← a · value, in place.</summary>
    public static Tensor TimesInPlace(this Tensor a, double value) => Held(value.ToScalar(), s => a.mul_(s));

    /// <summary>a ← a + alpha · b, in place.</summary>
    public static Tensor AddScaledInPlace(this Tensor a, Tensor b, double alpha) => Held(alpha.ToScalar(), s => a.add_(b, s));

    /// <summary>a ← a + value · b · c, in place.</summary>
    public static Tensor AddProductInPlace(this Tensor a, Tensor b, Tensor c, double value) => Held(value.ToScalar(), s => a.addcmul_(b, c, s));

    /// <summary>a ← a + value · b / c, in place.</summary>
    public static Tensor AddQuotientInPlace(this Tensor a, Tensor b, Tensor c, double value) => Held(value.ToScalar(), s => a.addcdiv_(b, c, s));

    // Frees the Scalar only after the native call that reads it has returned.
    static Tensor Held(Scalar scalar, Func<Scalar, Tensor> operation)
    {
        using (scalar) return operation(scalar);
    }
}
