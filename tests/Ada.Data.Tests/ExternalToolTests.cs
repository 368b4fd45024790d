namespace Ada.Data.Tests;

public class ExternalToolTests
{
    [Test]
    public void Output_is_returned()
    {
        Assume.That(ExternalTool.Exists("sh"));

        Assert.That(ExternalTool.Run("sh", ["-c", "printf '%s' \"$1\"", "sh", "two words"]), Is.EqualTo("two words"));
    }

    [Test]
    public void Failure_names_the_command_exit_code_and_error_output()
    {
        Assume.That(ExternalTool.Exists("sh"));

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("sh", ["-c", "echo broken soundfont >&2; exit 3"]));

        Assert.That(error!.Message, Does.Contain("sh -c").And.Contain("exit code 3").And.Contain("broken soundfont"));
    }

    [Test]
    public void Missing_program_says_so()
    {
        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("ada-no-such-tool", []));

        Assert.That(error!.Message, Does.Contain("ada-no-such-tool").And.Contain("installed"));
    }
}
