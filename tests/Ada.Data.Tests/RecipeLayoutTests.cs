namespace Ada.Data.Tests;

public class RecipeLayoutTests
{
    [TestCase("freedoom1", "D_E1M1", "freedoom1-d_e1m1")]
    [TestCase("openmsx", "Be Sharp (bw).v2", "openmsx-be_sharp__bw__v2")]
    public void Ids_are_lower_case_and_file_name_safe(string prefix, string stem, string expected) =>
        Assert.That(RecipeLayout.MakeId(prefix, stem), Is.EqualTo(expected));

    [Test]
    public void A_held_lock_stops_a_second_run_on_the_same_folder()
    {
        using var root = new TempDirectory();
        var recipe = new FakeRecipe(32_000, 32_000, 32_000);
        var runner = new RecipeRunner(new FakePackages { Installed = { "fake-music", "sox" } });
        var folder = Directory.CreateDirectory(DataPaths.RecipeDirectory(root.Path, "fake")).FullName;

        using (RecipeLayout.Lock(folder))
        {
            var error = Assert.Throws<InvalidOperationException>(() => runner.Fetch(recipe, new FetchOptions(root.Path)));
            Assert.That(error!.Message, Does.Contain("Another").And.Contain(folder));
        }

        Assert.That(runner.Fetch(recipe, new FetchOptions(root.Path)).Converted, Is.EqualTo(3), "lock released on dispose");
    }
}
