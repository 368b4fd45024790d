namespace Ada.Audio;

/// <summary>Kaiser window and Kaiser's empirical design formulas (Oppenheim &amp; Schafer, 7.6).</summary>
internal static class KaiserWindow
{
    /// <summary>Shape parameter β for a stopband attenuation of <paramref name="attenuationDb"/>.</summary>
    public static double Beta(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21),
        _ => 0,
    };

    /// <summary>Taps needed for <paramref name="attenuationDb"/> with a transition of <paramref name="transitionRadians"/> rad/sample.</summary>
    public static int Length(double attenuationDb, double transitionRadians) =>
        (int)Math.Ceiling((attenuationDb - 7.95) / (2.285 * transitionRadians)) + 1;

    /// <summary>Window value at <paramref name="r"/> in [-1, 1] (0 at the centre, ±1 at the ends).</summary>
    public static double Value(double beta, double r) =>
        BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - r * r))) / BesselI0(beta);

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    internal static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; term > 1e-17 * sum; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }
        return sum;
    }
}
