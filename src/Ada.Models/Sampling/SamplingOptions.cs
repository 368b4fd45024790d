namespace Ada.Models;

/// <summary>Seed and softmax temperature of a sampling run; temperature 0 takes the argmax.</summary>
public sealed record SamplingOptions(ulong Seed, float Temperature = 1f);
