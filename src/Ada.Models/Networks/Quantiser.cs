using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Maps continuous queries to one of k codes; subclasses are the AMAE and VQ-VAE quantisers.</summary>
public abstract class Quantiser(string name, int codes) : nn.Module(name)
{
    /// <summary>k, the number of codes.</summary>
    public int Codes { get; } = codes;

    /// <summary>Channels of the encoder output this quantiser reads (k for AMAE, d for VQ).</summary>
    public abstract int QueryChannels { get; }

    /// <summary>queries (B, k or d, F) → quantised vectors with straight-through gradients, codes and loss terms.</summary>
    public abstract QuantiserOutput forward(Tensor queries);

    /// <summary>The vector the modulator sees for each code, one row per code: (k, k or d), on <paramref name="device"/>.</summary>
    public abstract Tensor CodeVectors(Device device);

    /// <summary>codes (B, F) int64 → the vectors the modulator sees (B, k or d, F), as at decoding time.</summary>
    public Tensor Lookup(Tensor codes)
    {
        var vectors = CodeVectors(codes.device);                                   // (k, k or d)
        return vectors.index_select(0, codes.flatten())
            .reshape(codes.shape[0], codes.shape[1], vectors.shape[1])
            .permute(0, 2, 1);                                                     // (B, k or d, F)
    }
}
