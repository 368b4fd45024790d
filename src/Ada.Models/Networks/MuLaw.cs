using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>8-bit mu-law on tensors, so the models need no audio library: classes are decoded to bin centres in-model.</summary>
public static class MuLaw
{
    /// <summary>Mu of 8-bit mu-law.</summary>
    public const double Mu = 255;

    /// <summary>Class c ↦ bin centre: y = 2c/255 − 1, x = sign(y)((1+mu)^|y| − 1)/mu. (any int shape) → float32, same shape.</summary>
    public static Tensor Decode(Tensor classes)
    {
        var y = classes.to_type(ScalarType.Float32).Times(2.0 / Mu).Minus(1.0);
        // 1 + Mu becomes a 0-dim tensor here (owned by the DisposeScope like any tensor), not a Scalar
        return (y.sign() * pow(1.0 + Mu, y.abs()).Minus(1.0)).DividedBy(Mu);
    }

    /// <summary>Float in [−1, 1] ↦ nearest class: round((y + 1)/2 · 255) with y = sign(x) ln(1 + mu|x|)/ln(1 + mu).</summary>
    public static Tensor Encode(Tensor audio)
    {
        var x = audio.Clamp(-1.0, 1.0);
        var y = (x.sign() * log1p(x.abs().Times(Mu))).DividedBy(Math.Log(1 + Mu));
        return y.Plus(1.0).Times(Mu / 2.0).round().to_type(ScalarType.Int64);
    }
}
