namespace Ada.Data.Tests;

public class PieceSplitterTests
{
    private static List<SplitCandidate> Pieces(int count, Func<int, DataSplit?>? fixedSplit = null) =>
        Enumerable.Range(0, count).Select(i => new SplitCandidate($"piece-{i:D3}", fixedSplit?.Invoke(i))).ToList();

    [Test]
    public void Counts_are_as_requested_and_fixed_splits_are_kept()
    {
        var pieces = Pieces(40, i => i < 6 ? DataSplit.Test : null);

        var splits = PieceSplitter.Assign(pieces, testCount: 2, validationCount: 3);

        Assert.That(splits.Take(6), Is.All.EqualTo(DataSplit.Test));
        Assert.That(splits.Count(s => s == DataSplit.Test), Is.EqualTo(8));
        Assert.That(splits.Count(s => s == DataSplit.Validation), Is.EqualTo(3));
        Assert.That(splits.Count(s => s == DataSplit.Train), Is.EqualTo(29));
    }

    [Test]
    public void Each_piece_gets_one_split_whatever_the_input_order()
    {
        var pieces = Pieces(50);
        var shuffled = pieces.OrderBy(p => Hashing.Sha256Hex("shuffle" + p.Key)).ToList();

        var a = pieces.Zip(PieceSplitter.Assign(pieces, 5, 3)).ToDictionary(x => x.First.Key, x => x.Second);
        var b = shuffled.Zip(PieceSplitter.Assign(shuffled, 5, 3)).ToDictionary(x => x.First.Key, x => x.Second);

        Assert.That(b, Is.EquivalentTo(a));
    }

    [Test]
    public void Held_out_pieces_are_the_first_by_sha256_of_the_key()
    {
        var pieces = Pieces(20);
        var byHash = pieces.Select(p => p.Key).OrderBy(k => Hashing.Sha256Hex(k), StringComparer.Ordinal).ToList();

        var splits = PieceSplitter.Assign(pieces, 2, 1);
        var split = pieces.Zip(splits).ToDictionary(x => x.First.Key, x => x.Second);

        Assert.That(byHash.Take(2).Select(k => split[k]), Is.All.EqualTo(DataSplit.Test));
        Assert.That(split[byHash[2]], Is.EqualTo(DataSplit.Validation));
    }

    [Test]
    public void Adding_a_piece_moves_at_most_the_pieces_around_its_hash_rank()
    {
        var pieces = Pieces(30);
        var before = pieces.Zip(PieceSplitter.Assign(pieces, 0, 3)).ToDictionary(x => x.First.Key, x => x.Second);
        var more = Pieces(31);
        var after = more.Zip(PieceSplitter.Assign(more, 0, 3)).ToDictionary(x => x.First.Key, x => x.Second);

        int changed = before.Count(kv => after[kv.Key] != kv.Value);

        Assert.That(changed, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void Holding_out_everything_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PieceSplitter.Assign(Pieces(5), 3, 2));
    }

    [Test]
    public void Duplicate_keys_are_refused()
    {
        var pieces = new List<SplitCandidate> { new("a"), new("b"), new("a") };

        var error = Assert.Throws<ArgumentException>(() => PieceSplitter.Assign(pieces, 0, 1));

        Assert.That(error!.Message, Does.Contain("'a'"));
    }

    [TestCase(76, 0.08, 6)]
    [TestCase(5, 0.08, 1)]
    public void Fraction_rounds_and_keeps_at_least_one(int count, double fraction, int expected) =>
        Assert.That(PieceSplitter.Fraction(count, fraction), Is.EqualTo(expected));
}
