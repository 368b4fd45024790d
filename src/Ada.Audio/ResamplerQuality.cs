namespace Ada.Audio;

/// <summary>Filter design of the resampler, with band edges as fractions of the lower Nyquist frequency min(from, to) / 2.</summary>
/// <param name="PassbandEdge">Highest frequency passed flat (0.875: 7 kHz when one side is 16 kHz).</param>
/// <param name="StopbandEdge">Lowest frequency attenuated fully (1.0: nothing folds back below the lower Nyquist).</param>
/// <param name="StopbandAttenuationDb">Kaiser-design stopband attenuation (90 dB: below 16-bit quantisation noise).</param>
/// <remarks>The cutoff sits midway, 0.9375 × Nyquist by default; the filter length grows with attenuation / (stop − pass).</remarks>
public sealed record ResamplerQuality(double PassbandEdge = 0.875, double StopbandEdge = 1.0, double StopbandAttenuationDb = 90.0)
{
    /// <summary>The design used when none is given.</summary>
    public static ResamplerQuality Default { get; } = new();

    /// <summary>Half-amplitude point of the low-pass, as a fraction of the lower Nyquist frequency.</summary>
    internal double Cutoff => (PassbandEdge + StopbandEdge) / 2;

    internal void Validate()
    {
        if (!(PassbandEdge > 0 && PassbandEdge < StopbandEdge && StopbandEdge <= 1.5))
            throw new ArgumentException($"resampler band edges must satisfy 0 < pass ({PassbandEdge}) < stop ({StopbandEdge}) <= 1.5");
        if (!(StopbandAttenuationDb >= 20 && StopbandAttenuationDb <= 200))
            throw new ArgumentException($"resampler stopband attenuation {StopbandAttenuationDb} dB is outside 20..200 dB");
    }
}
