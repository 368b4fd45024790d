using Spectre.Console;

namespace Ada.Cli;

/// <summary>Turns the errors a user can cause (bad files, bad configs) into one clear line and exit code 1.</summary>
public static class CliErrors
{
    /// <summary>Runs <paramref name="body"/>; expected failures print "error: …" instead of a stack trace.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }

    static bool IsUserError(Exception e) => e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException
        or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IOException;
}
