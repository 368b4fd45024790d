using Ada.Cli.Pipeline;

namespace Ada.Cli.Tests;

/// <summary>File names made from preset and model names.</summary>
[TestFixture]
public sealed class FileSlugTests
{
    [TestCase("Piano Sketch", "piano-sketch")]
    [TestCase("  Chœur d'été! ", "chœur-d-été")]
    [TestCase("plain-wavenet-s1", "plain-wavenet-s1")]
    [TestCase("../../etc/passwd", "etc-passwd")]
    public void Of_KeepsLettersAndDigits_AndTrimsDashes(string name, string expected) => Assert.That(FileSlug.Of(name), Is.EqualTo(expected));
}
