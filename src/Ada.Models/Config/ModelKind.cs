namespace Ada.Models;

/// <summary>The kinds of level model a config or checkpoint can hold.</summary>
public static class ModelKind
{
    /// <summary>ADA with the argmax autoencoder quantiser.</summary>
    public const string AdaAmae = "ada-amae";

    /// <summary>ADA with the VQ-VAE quantiser.</summary>
    public const string AdaVq = "ada-vq";

    /// <summary>Unconditional WaveNet: the top prior (level ≥ 2) or the plain baseline (level 1).</summary>
    public const string WaveNet = "wavenet";

    /// <summary>Causal transformer: an alternative top prior (level ≥ 2).</summary>
    public const string Transformer = "transformer";

    /// <summary>Every kind, for error messages.</summary>
    public static readonly IReadOnlyList<string> All = [AdaAmae, AdaVq, WaveNet, Transformer];

    /// <summary>Loss terms besides "nll" that a kind reports, in log-column order.</summary>
    public static IReadOnlyList<string> Regularisers(string kind) => kind switch
    {
        AdaAmae => ["diversity"],
        AdaVq => ["codebook", "commitment"],
        _ => [],
    };

    /// <summary>True for the two autoencoder kinds.</summary>
    public static bool IsAda(string kind) => kind is AdaAmae or AdaVq;
}
