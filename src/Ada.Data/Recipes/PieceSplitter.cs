namespace Ada.Data;

/// <summary>
/// Splits whole pieces (never crops) deterministically: pieces without a fixed split are ordered by
/// the SHA-256 of their key; the first go to test, the next to validation, the rest to training.
/// The result depends only on the set of keys, not on their order.
/// </summary>
public static class PieceSplitter
{
    /// <summary>The split of each candidate, in input order.</summary>
    public static DataSplit[] Assign(IReadOnlyList<SplitCandidate> pieces, int testCount, int validationCount)
    {
        var duplicate = pieces.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Piece key '{duplicate.Key}' appears more than once", nameof(pieces));
        var free = Enumerable.Range(0, pieces.Count).Where(i => pieces[i].Fixed is null)
            .OrderBy(i => Hashing.Sha256Hex(pieces[i].Key), StringComparer.Ordinal).ToList();
        if (testCount < 0 || validationCount < 0 || testCount + validationCount >= free.Count)
            throw new ArgumentException(
                $"Cannot hold out {testCount} test and {validationCount} validation pieces from {free.Count} free pieces and keep one for training");

        var splits = pieces.Select(p => p.Fixed ?? DataSplit.Train).ToArray();
        for (int rank = 0; rank < testCount + validationCount; rank++)
            splits[free[rank]] = rank < testCount ? DataSplit.Test : DataSplit.Validation;
        return splits;
    }

    /// <summary>A fraction of <paramref name="count"/> pieces, rounded, at least one.</summary>
    public static int Fraction(int count, double fraction) => Math.Max(1, (int)Math.Round(count * fraction));
}
