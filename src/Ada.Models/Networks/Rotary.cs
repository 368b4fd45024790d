using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Rotary position embedding: channel i of the first half pairs with channel i of the second half of each head.</summary>
public static class Rotary
{
    /// <summary>Base of the rotation frequencies: pair i turns by position · Base^(−i / (HeadWidth/2)).</summary>
    public const double Base = 10000;

    /// <summary>cos and sin of every (position, pair) angle for positions 0..T−1: two (T, HeadWidth/2) tensors.</summary>
    public static (Tensor Cos, Tensor Sin) Tables(int headWidth, long t, Device device)
    {
        int half = headWidth / 2;
        var frequencies = Enumerable.Range(0, half).Select(i => (float)Math.Pow(Base, -(double)i / half)).ToArray();
        var angles = arange(t, dtype: ScalarType.Float32, device: device).unsqueeze(1).mul(tensor(frequencies, device: device).unsqueeze(0));
        return (angles.cos(), angles.sin());
    }

    /// <summary>x (…, T, HeadWidth) rotated: [x1·cos − x2·sin, x1·sin + x2·cos] with x1, x2 the two halves.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        var half = x.shape[^1] / 2;
        var (x1, x2) = (x.narrow(-1, 0, half), x.narrow(-1, half, half));
        return cat([x1.mul(cos).Plus(x2.mul(sin).neg()), x1.mul(sin).Plus(x2.mul(cos))], -1);
    }
}
