namespace Ada.Data.Tests;

public class DataPathsTests
{
    private static string Root(params (string Key, string Value)[] environment) =>
        DataPaths.DefaultRoot(key => environment.FirstOrDefault(e => e.Key == key).Value);

    [Test]
    public void Ada_data_wins() =>
        Assert.That(Root(("ADA_DATA", "/srv/ada"), ("XDG_CACHE_HOME", "/c")), Is.EqualTo("/srv/ada"));

    [Test]
    public void Xdg_cache_home_is_next() =>
        Assert.That(Root(("XDG_CACHE_HOME", "/c")), Is.EqualTo("/c/adaplugin/data"));

    [Test]
    public void Home_cache_is_the_fallback() =>
        Assert.That(Root(), Is.EqualTo(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "adaplugin", "data")));

    [Test]
    public void Recipe_folder_and_manifest_sit_under_the_root() =>
        Assert.That(DataPaths.ManifestPath("/r", "piano"), Is.EqualTo("/r/piano/manifest.json"));
}
