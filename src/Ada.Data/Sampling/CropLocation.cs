namespace Ada.Data;

/// <summary>Where a crop came from.</summary>
/// <param name="FileIndex">Index of the file in the sampler's <see cref="CropSampler.Files"/>.</param>
/// <param name="Id">Piece id of that file.</param>
/// <param name="Offset">First sample of the crop within the file.</param>
public sealed record CropLocation(int FileIndex, string Id, long Offset);
