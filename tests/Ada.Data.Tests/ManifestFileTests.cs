namespace Ada.Data.Tests;

public class ManifestFileTests
{
    private static readonly string HashA = Hashing.Sha256Hex("a");
    private static readonly string HashB = Hashing.Sha256Hex("b");

    internal static DatasetManifest Sample()
    {
        var files = new List<ManifestEntry>
        {
            new()
            {
                Id = "freedoom2-d_runnin", Path = "audio/freedoom2-d_runnin.wav", Source = "/usr/share/games/doom/freedoom2.wad",
                SourceMember = "D_RUNNIN", SourceSha256 = HashA, Package = "freedoom", Licence = "BSD-3-clause",
                Split = DataSplit.Train, DurationSeconds = 90, Samples = 1_440_000, Sha256 = HashB,
                Midi = "audio/freedoom2-d_runnin.mid", TrimStartSamples = 1234,
            },
            new()
            {
                Id = "wesnoth-battle", Path = "audio/wesnoth-battle.wav", Source = "/usr/share/x/battle.ogg",
                SourceSha256 = HashB, Package = "wesnoth-1.16-music", Licence = "GPL-2+",
                Split = DataSplit.Test, DurationSeconds = 36, Samples = 576_000, Sha256 = HashA,
            },
        };
        return new DatasetManifest
        {
            Format = DatasetManifest.CurrentFormat, Recipe = "test", Settings = "test/1", SampleRate = 16000,
            Summary = ManifestSummary.Of(files, 4_032_044), Files = files,
            Excluded = [new ExcludedPiece { Id = "freedoom1-d_intro", Source = "/x.wad", SourceSha256 = HashA, Package = "freedoom", DurationSeconds = 3.5, Reason = "short" }],
        };
    }

    private static InvalidDataException ParseError(string json) =>
        Assert.Throws<InvalidDataException>(() => ManifestFile.Parse(json, "/data/piano/manifest.json"))!;

    [Test]
    public void Round_trip_through_a_file_keeps_every_field()
    {
        using var dir = new TempDirectory();
        var path = dir.File("manifest.json");
        var original = Sample();

        ManifestFile.Write(path, original);
        var read = ManifestFile.Read(path);

        Assert.That(ManifestFile.ToJson(read), Is.EqualTo(ManifestFile.ToJson(original)));
        Assert.That(read.Files[0], Is.EqualTo(original.Files[0]));
        Assert.That(read.Files[1].Midi, Is.Null);
        Assert.That(read.Summary.Packages["freedoom"].Files, Is.EqualTo(1));
        Assert.That(Directory.GetFiles(dir.Path), Has.Length.EqualTo(1), "no temp file left behind");
    }

    [Test]
    public void Summary_hours_per_split_come_from_sample_counts()
    {
        var summary = Sample().Summary;

        Assert.That(summary.Train.Hours, Is.EqualTo(90 / 3600.0).Within(1e-12));
        Assert.That(summary.Test.Hours, Is.EqualTo(36 / 3600.0).Within(1e-12));
        Assert.That(summary.Validation.Files, Is.Zero);
        Assert.That(summary.Total.Files, Is.EqualTo(2));
    }

    [Test]
    public void Json_uses_lower_case_split_names()
    {
        Assert.That(ManifestFile.ToJson(Sample()), Does.Contain("\"split\": \"train\"").And.Contain("\"split\": \"test\""));
    }

    [Test]
    public void Unknown_field_is_an_error_naming_the_file_and_the_field()
    {
        var json = ManifestFile.ToJson(Sample()).Replace("\"recipe\":", "\"colour\": \"blue\", \"recipe\":");

        var error = ParseError(json);

        Assert.That(error.Message, Does.Contain("/data/piano/manifest.json").And.Contain("colour"));
    }

    [Test]
    public void Missing_required_field_is_an_error()
    {
        var json = ManifestFile.ToJson(Sample()).Replace($"\"sha256\": \"{HashB}\",", "");

        var error = ParseError(json);

        Assert.That(error.Message, Does.Contain("manifest.json").And.Contain("sha256"));
    }

    [Test]
    public void Truncated_json_is_an_error_naming_the_file()
    {
        var json = ManifestFile.ToJson(Sample());

        var error = ParseError(json[..(json.Length / 2)]);

        Assert.That(error.Message, Does.StartWith("Manifest /data/piano/manifest.json:"));
    }

    [Test]
    public void Unknown_split_value_is_an_error()
    {
        var json = ManifestFile.ToJson(Sample()).Replace("\"split\": \"test\"", "\"split\": \"holdout\"");

        Assert.That(ParseError(json).Message, Does.Contain("split"));
    }

    [Test]
    public void Path_escaping_the_dataset_folder_is_an_error()
    {
        var json = ManifestFile.ToJson(Sample()).Replace("audio/wesnoth-battle.wav", "../../etc/passwd");

        Assert.That(ParseError(json).Message, Does.Contain("files[1]").And.Contain("../../etc/passwd"));
    }

    [Test]
    public void Other_format_version_is_an_error()
    {
        var json = ManifestFile.ToJson(Sample()).Replace("\"format\": 1", "\"format\": 7");

        Assert.That(ParseError(json).Message, Does.Contain("format 7"));
    }

    [Test]
    public void Missing_manifest_says_how_to_make_one()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ManifestFile.Read("/nonexistent/manifest.json"));

        Assert.That(error!.Message, Does.Contain("ada data fetch"));
    }
}
