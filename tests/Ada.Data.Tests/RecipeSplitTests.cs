namespace Ada.Data.Tests;

public class RecipeSplitTests
{
    private static SourcePiece Piece(string id, string package) => new(id, package, "/src/" + id, null, new string('0', 64));

    [Test]
    public void Piano_holds_out_openmsx_as_test_and_8_percent_of_the_rest_as_validation()
    {
        var pieces = Enumerable.Range(0, 60).Select(i => Piece($"freedoom2-d_{i}", "freedoom"))
            .Concat(Enumerable.Range(0, 10).Select(i => Piece($"planetblupi-music{i:D3}", "planetblupi-music-midi")))
            .Concat(Enumerable.Range(0, 30).Select(i => Piece($"openmsx-{i}", "openttd-openmsx"))).ToList();

        var splits = new PianoRecipe().AssignSplits(pieces);
        var byPackage = pieces.Zip(splits).ToLookup(x => x.First.Package, x => x.Second);

        Assert.That(byPackage["openttd-openmsx"], Is.All.EqualTo(DataSplit.Test));
        Assert.That(byPackage["freedoom"].Concat(byPackage["planetblupi-music-midi"]), Has.None.EqualTo(DataSplit.Test));
        Assert.That(splits.Count(s => s == DataSplit.Validation), Is.EqualTo(6)); // round(0.08 × 70)
    }

    [Test]
    public void Orchestral_holds_out_5_test_and_3_validation_tracks()
    {
        var pieces = Enumerable.Range(0, 36).Select(i => Piece($"wesnoth-track{i}", "wesnoth-1.16-music")).ToList();

        var splits = new OrchestralRecipe().AssignSplits(pieces);

        Assert.That(splits.Count(s => s == DataSplit.Test), Is.EqualTo(5));
        Assert.That(splits.Count(s => s == DataSplit.Validation), Is.EqualTo(3));
        Assert.That(splits.Count(s => s == DataSplit.Train), Is.EqualTo(28));
    }
}
