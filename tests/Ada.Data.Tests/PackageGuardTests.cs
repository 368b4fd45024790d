namespace Ada.Data.Tests;

public class PackageGuardTests
{
    [Test]
    public void Missing_packages_without_root_fail_with_the_exact_apt_command()
    {
        var debian = new FakePackages(canInstall: false) { Installed = { "sox" } };

        var error = Assert.Throws<InvalidOperationException>(() =>
            PackageGuard.Ensure(debian, ["sox", "freedoom", "fluidsynth"], _ => { }, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("apt-get install -y --no-install-recommends freedoom fluidsynth"));
        Assert.That(debian.InstallCalls, Is.Empty);
    }

    [Test]
    public void Missing_packages_as_root_are_installed_and_announced()
    {
        var debian = new FakePackages(canInstall: true) { Installed = { "sox" } };
        var said = new List<string>();

        var installed = PackageGuard.Ensure(debian, ["sox", "freedoom"], said.Add, CancellationToken.None);

        Assert.That(installed, Is.EqualTo(new[] { "freedoom" }));
        Assert.That(debian.InstallCalls, Has.Count.EqualTo(1));
        Assert.That(said.Single(), Does.Contain("apt-get install -y --no-install-recommends freedoom"));
    }

    [Test]
    public void Nothing_happens_when_everything_is_installed()
    {
        var debian = new FakePackages(canInstall: true) { Installed = { "sox", "freedoom" } };

        Assert.That(PackageGuard.Ensure(debian, ["sox", "freedoom"], _ => { }, CancellationToken.None), Is.Empty);
        Assert.That(debian.InstallCalls, Is.Empty);
    }
}
