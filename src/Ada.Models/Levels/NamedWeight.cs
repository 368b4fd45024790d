namespace Ada.Models;

/// <summary>One float32 tensor by name, row-major: what checkpoints store and the sampler's export reads.</summary>
public sealed record NamedWeight(string Name, long[] Shape, float[] Values);
