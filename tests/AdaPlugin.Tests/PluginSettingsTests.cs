using System.Text;
using System.Text.Json;

namespace AdaPlugin.Tests;

/// <summary>The plug-in config file: every key read, bad values and unknown keys named.</summary>
[TestFixture]
public sealed class PluginSettingsTests
{
    private static readonly PluginSettings Defaults = new("/default.sock", [], null, PluginSettings.DefaultOfflineTimeout);

    private static PluginSettings Parse(string json) => PluginSettings.Parse(Encoding.UTF8.GetBytes(json), Defaults);

    [Test]
    public void Parse_ReadsEveryKey()
    {
        var settings = Parse("""
            { "socket": "/run/ada.sock", "presets": "/p", "serviceCommand": ["/bin/ada", "serve", "--idle-minutes", "5"],
              "offlineTimeoutSeconds": 30 }
            """);
        Assert.That(settings.SocketPath, Is.EqualTo("/run/ada.sock"));
        Assert.That(settings.PresetsFolder, Is.EqualTo("/p"));
        Assert.That(settings.ServiceCommand, Is.EqualTo(new[] { "/bin/ada", "serve", "--idle-minutes", "5" }));
        Assert.That(settings.OfflineTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Parse_MissingKeysKeepTheDefaults()
    {
        var settings = Parse("""{ "presets": "/p" }""");
        Assert.That((settings.SocketPath, settings.ServiceCommand.Count, settings.OfflineTimeout),
            Is.EqualTo(("/default.sock", 0, PluginSettings.DefaultOfflineTimeout)));
    }

    [TestCase("""{ "sockett": "/x" }""", "unknown key \"sockett\"")]
    [TestCase("""{ "socket": 3 }""", "\"socket\" must be a non-empty string")]
    [TestCase("""{ "serviceCommand": "ada serve" }""", "\"serviceCommand\" must be an array")]
    [TestCase("""{ "offlineTimeoutSeconds": -1 }""", "\"offlineTimeoutSeconds\" must be a number")]
    [TestCase("""[1, 2]""", "one JSON object")]
    public void Parse_BadConfig_NamesTheProblem(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => Parse(json));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void Load_BrokenFileFallsBackToDefaultsAndTheEnvironmentStillWins()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ada-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "socket": "/from-file.sock", "bogus": 1 }""");
        var oldConfig = Environment.GetEnvironmentVariable(PluginSettings.ConfigVariable);
        var oldSocket = Environment.GetEnvironmentVariable(PluginSettings.SocketVariable);
        try
        {
            Environment.SetEnvironmentVariable(PluginSettings.ConfigVariable, path);
            Environment.SetEnvironmentVariable(PluginSettings.SocketVariable, null);
            Assert.That(PluginSettings.Load().SocketPath, Is.Not.EqualTo("/from-file.sock"), "a file with an unknown key is ignored as a whole");

            File.WriteAllText(path, """{ "socket": "/from-file.sock" }""");
            Assert.That(PluginSettings.Load().SocketPath, Is.EqualTo("/from-file.sock"));

            Environment.SetEnvironmentVariable(PluginSettings.SocketVariable, "/from-env.sock");
            Assert.That(PluginSettings.Load().SocketPath, Is.EqualTo("/from-env.sock"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PluginSettings.ConfigVariable, oldConfig);
            Environment.SetEnvironmentVariable(PluginSettings.SocketVariable, oldSocket);
            File.Delete(path);
        }
    }
}
