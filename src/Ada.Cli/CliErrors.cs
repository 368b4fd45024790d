using Ada.Models;
using Ada.Presets;

namespace Ada.Cli;

/// <summary>Turns the errors a user can cause (bad files, configs, presets, checkpoints) into one clear line and exit code 1.</summary>
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
            // plain stderr, never wrapped: scripts and people both read one line
            Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    static bool IsUserError(Exception e) => e is IOException or InvalidDataException or UnauthorizedAccessException
        or ArgumentException or InvalidOperationException or CheckpointException or ConfigException or PresetException;
}
