namespace Ada.Data;

/// <summary>Crop streaming settings.</summary>
/// <param name="CropLength">Samples per crop (T).</param>
/// <param name="BatchSize">Crops per batch (B).</param>
/// <param name="Seed">Seed of the counter-based generator.</param>
public sealed record CropSamplerOptions(int CropLength, int BatchSize, ulong Seed = 0)
{
    /// <summary>Throws when a setting cannot work.</summary>
    public void Validate()
    {
        if (CropLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(CropLength), CropLength, "crop length must be positive");
        if (BatchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be positive");
        if ((long)CropLength * BatchSize > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "crop length × batch size does not fit in one array");
    }
}
