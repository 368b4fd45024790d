using Ada.Protocol.Tests.Support;
using Ada.Protocol.Transport;

namespace Ada.Protocol.Tests.Transport;

public class ProtocolPathsTests
{
    [Test, Platform("Linux")]
    public void Default_socket_lives_in_the_xdg_runtime_dir_when_there_is_one()
    {
        using var dir = new TempDirectory();
        string? saved = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        try
        {
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", dir.Path);
            Assert.That(ProtocolPaths.DefaultSocketPath(), Is.EqualTo(Path.Combine(dir.Path, "ada", "ada.sock")));
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", null);
            Assert.That(ProtocolPaths.DefaultSocketPath(), Is.EqualTo(Path.Combine(Path.GetTempPath(), $"ada-{Environment.UserName}", "ada.sock")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", saved);
        }
    }

    [Test]
    public void Socket_path_check_counts_utf8_bytes_against_the_os_limit()
    {
        Assert.That(ProtocolPaths.CheckSocketPath("/tmp/" + new string('a', 102)), Is.Null, "107 bytes fit");
        Assert.That(ProtocolPaths.CheckSocketPath("/tmp/" + new string('é', 52)), Does.Contain("109 bytes"));
        Assert.That(ProtocolPaths.CheckSocketPath(""), Does.Contain("empty"));
    }
}
