using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>How evenly codes are used: perplexity of the code frequencies (1..k), its ratio to k, and the fraction of codes seen.</summary>
public sealed record CodeUsage(long[] Counts, double Perplexity, double PerplexityRatio, double FractionUsed)
{
    /// <summary>Counts codes (any shape, int64, values in [0, k)) and summarises them; the same helper serves both quantisers.</summary>
    public static CodeUsage Of(Tensor codes, int k)
    {
        using var scope = NewDisposeScope();
        var counts = bincount(codes.flatten().cpu(), minlength: k).data<long>().ToArray();
        return FromCounts(counts);
    }

    /// <summary>Summarises code counts: perplexity = exp(−Σ p log p) over the observed frequencies.</summary>
    public static CodeUsage FromCounts(long[] counts)
    {
        double total = counts.Sum();
        if (total == 0) return new(counts, 0, 0, 0);
        var entropy = counts.Where(c => c > 0).Select(c => c / total).Sum(p => -p * Math.Log(p));
        var perplexity = Math.Exp(entropy);
        var used = counts.Count(c => c > 0);
        return new(counts, perplexity, perplexity / counts.Length, (double)used / counts.Length);
    }
}
