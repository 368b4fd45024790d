namespace Ada.Data.Tests;

public class RecipeRunnerTests
{
    // Six pieces of 2–7 s and one of 0.5 s (below the fake recipe's 1 s minimum).
    private static FakeRecipe Recipe() => new(32_000, 48_000, 8_000, 64_000, 80_000, 96_000, 112_000);

    private static FakePackages Packages() => new()
    {
        Installed = { "fake-music", "sox" },
        Copyright = { ["fake-music"] = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: x\nLicense: GPL-3+\n" },
    };

    private static FetchSummary Run(FakeRecipe recipe, TempDirectory root, bool force = false, List<FetchProgress>? progress = null) =>
        new RecipeRunner(Packages()).Fetch(recipe, new FetchOptions(root.Path, force), progress is null ? null : new ListProgress(progress));

    private static DatasetManifest Manifest(TempDirectory root) => ManifestFile.Read(DataPaths.ManifestPath(root.Path, "fake"));

    [Test]
    public void First_run_converts_everything_splits_by_piece_and_excludes_short_pieces()
    {
        using var root = new TempDirectory();
        var recipe = Recipe();

        var summary = Run(recipe, root);
        var manifest = Manifest(root);

        Assert.That(summary.Converted, Is.EqualTo(7));
        Assert.That(manifest.Files.Select(f => f.Id), Is.EqualTo(new[] { "fake-0", "fake-1", "fake-3", "fake-4", "fake-5", "fake-6" }));
        Assert.That(manifest.Excluded.Single().Id, Is.EqualTo("fake-2"));
        Assert.That(manifest.Excluded.Single().Reason, Does.Contain("shorter"));
        Assert.That(manifest.Files.Count(f => f.Split == DataSplit.Test), Is.EqualTo(1));
        Assert.That(manifest.Files.Count(f => f.Split == DataSplit.Validation), Is.EqualTo(1));
        Assert.That(manifest.Files, Has.All.Property(nameof(ManifestEntry.Licence)).EqualTo("GPL-3+"));
        Assert.That(File.Exists(Path.Combine(root.Path, "fake", "audio", "fake-2.wav")), Is.False, "excluded piece's files are removed");
    }

    [Test]
    public void Manifest_records_hashes_durations_and_trim_of_the_files_written()
    {
        using var root = new TempDirectory();
        Run(Recipe(), root);

        var entry = Manifest(root).Files.Single(f => f.Id == "fake-3");
        var wav = Path.Combine(root.Path, "fake", entry.Path);

        Assert.That(entry.Sha256, Is.EqualTo(Hashing.Sha256HexOfFile(wav)));
        Assert.That(entry.Samples, Is.EqualTo(64_000));
        Assert.That(entry.DurationSeconds, Is.EqualTo(4.0));
        Assert.That(entry.TrimStartSamples, Is.EqualTo(103));
        Assert.That(File.Exists(Path.Combine(root.Path, "fake", entry.Midi!)), Is.True);
        Assert.That(Manifest(root).Summary.Total.Hours, Is.EqualTo((32 + 48 + 64 + 80 + 96 + 112) * 1000 / 16000.0 / 3600).Within(1e-12));
    }

    [Test]
    public void Second_run_reuses_intact_files_and_writes_the_same_manifest()
    {
        using var root = new TempDirectory();
        var recipe = Recipe();
        Run(recipe, root);
        var firstJson = File.ReadAllText(DataPaths.ManifestPath(root.Path, "fake"));

        var again = Run(recipe, root);

        Assert.That(again.Reused, Is.EqualTo(7));
        Assert.That(again.Converted, Is.Zero);
        Assert.That(recipe.Conversions, Is.EqualTo(7));
        Assert.That(File.ReadAllText(DataPaths.ManifestPath(root.Path, "fake")), Is.EqualTo(firstJson));
    }

    [Test]
    public void Force_converts_everything_again()
    {
        using var root = new TempDirectory();
        var recipe = Recipe();
        Run(recipe, root);

        var forced = Run(recipe, root, force: true);

        Assert.That(forced.Converted, Is.EqualTo(7));
        Assert.That(recipe.Conversions, Is.EqualTo(14));
    }

    [Test]
    public void A_damaged_file_is_converted_again_and_only_that_one()
    {
        using var root = new TempDirectory();
        var recipe = Recipe();
        Run(recipe, root);
        var wav = Path.Combine(root.Path, "fake", "audio", "fake-4.wav");
        var bytes = File.ReadAllBytes(wav);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(wav, bytes);

        var again = Run(recipe, root);

        Assert.That(again.Converted, Is.EqualTo(1));
        Assert.That(Hashing.Sha256HexOfFile(wav), Is.EqualTo(Manifest(root).Files.Single(f => f.Id == "fake-4").Sha256));
    }

    [Test]
    public void Changed_settings_rebuild_everything_and_say_so()
    {
        using var root = new TempDirectory();
        var recipe = Recipe();
        Run(recipe, root);
        recipe.Settings = "fake/2";

        var again = Run(recipe, root);

        Assert.That(again.Converted, Is.EqualTo(7));
        Assert.That(again.Notes, Has.Some.Contains("other settings"));
    }

    [Test]
    public void Files_the_manifest_does_not_list_are_removed()
    {
        using var root = new TempDirectory();
        Run(Recipe(), root);
        var stale = Path.Combine(root.Path, "fake", "audio", "old-piece.wav");
        File.WriteAllText(stale, "old");

        Run(Recipe(), root);

        Assert.That(File.Exists(stale), Is.False);
        Assert.That(Directory.Exists(Path.Combine(root.Path, "fake", RecipeLayout.WorkFolderName)), Is.False);
    }

    [Test]
    public void An_unreadable_source_is_excluded_with_its_reason()
    {
        using var root = new TempDirectory();
        var recipe = Recipe();
        recipe.Unreadable.Add("fake-5");

        Run(recipe, root);

        var excluded = Manifest(root).Excluded.Single(e => e.Id == "fake-5");
        Assert.That(excluded.Reason, Does.Contain("unreadable").And.Contain("/usr/share/fake/5.mid"));
    }

    [Test]
    public void Progress_counts_every_piece_up_to_the_total()
    {
        using var root = new TempDirectory();
        var progress = new List<FetchProgress>();

        Run(Recipe(), root, progress: progress);

        var counted = progress.Where(p => p.Total > 0).ToList();
        Assert.That(counted.Select(p => p.Current).Order(), Is.EqualTo(Enumerable.Range(1, 7)));
        Assert.That(counted, Has.All.Property(nameof(FetchProgress.Total)).EqualTo(7));
    }

    [Test]
    public void Unknown_recipe_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => RecipeRunner.Find("jazz"));

        Assert.That(error!.Message, Does.Contain("piano").And.Contain("orchestral"));
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class ListProgress(List<FetchProgress> reports) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value)
        {
            lock (reports)
                reports.Add(value);
        }
    }
}
