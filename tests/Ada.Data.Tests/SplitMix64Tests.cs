namespace Ada.Data.Tests;

public class SplitMix64Tests
{
    [Test]
    public void Matches_the_reference_sequence_for_seed_0()
    {
        // First outputs of the reference C implementation (Vigna, splitmix64.c) seeded with 0.
        var rng = new SplitMix64(0);

        Assert.That(rng.Next(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        Assert.That(rng.Next(), Is.EqualTo(0x6E789E6AA1B965F4UL));
        Assert.That(rng.Next(), Is.EqualTo(0x06C45D188009454FUL));
    }

    [Test]
    public void Hash_differs_in_every_argument()
    {
        var hashes = new[] { SplitMix64.Hash(1, 2, 3), SplitMix64.Hash(0, 2, 3), SplitMix64.Hash(1, 0, 3), SplitMix64.Hash(1, 2, 0), SplitMix64.Hash(2, 1, 3) };

        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void Next_below_stays_in_range_and_reaches_both_ends()
    {
        var rng = new SplitMix64(42);
        var values = Enumerable.Range(0, 2000).Select(_ => rng.NextBelow(7)).ToList();

        Assert.That(values, Is.All.LessThan(7UL));
        Assert.That(values.Distinct().Count(), Is.EqualTo(7));
    }
}
