namespace Ada.Data.Tests;

/// <summary>The real dpkg queries, on a Debian system (skipped elsewhere).</summary>
public class DpkgPackagesTests
{
    [SetUp]
    public void RequireDpkg() => Assume.That(ExternalTool.Exists("dpkg-query"), "not a Debian system");

    [Test]
    public void Dpkg_itself_is_installed_and_a_made_up_package_is_not()
    {
        var dpkg = new DpkgPackages();

        Assert.That(dpkg.IsInstalled("dpkg"), Is.True);
        Assert.That(dpkg.IsInstalled("ada-no-such-package"), Is.False);
    }

    [Test]
    public void Files_of_a_package_are_listed()
    {
        Assert.That(new DpkgPackages().ListFiles("dpkg"), Does.Contain("/usr/bin/dpkg"));
    }
}
