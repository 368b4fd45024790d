namespace Ada.Models;

/// <summary>Multi-resolution STFT distance, averaged over FFT sizes: spectral convergence + mean |log-magnitude difference|.</summary>
public sealed record StftDistance(double SpectralConvergence, double LogMagnitude)
{
    /// <summary>The sum of both terms.</summary>
    public double Total => SpectralConvergence + LogMagnitude;
}
