namespace Ada.Data;

/// <summary>A batch of equal-length PCM16 crops, stored row-major as (B, T).</summary>
/// <param name="CropLength">T, samples per crop.</param>
/// <param name="Samples">(B, T) samples, crop b at [b·T, (b+1)·T).</param>
/// <param name="Locations">(B,) where each crop came from.</param>
public sealed record CropBatch(int CropLength, short[] Samples, IReadOnlyList<CropLocation> Locations)
{
    /// <summary>B, the number of crops.</summary>
    public int Count => Locations.Count;

    /// <summary>Crop b, (T,).</summary>
    public ReadOnlySpan<short> Crop(int b) => Samples.AsSpan(b * CropLength, CropLength);
}
