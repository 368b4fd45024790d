namespace AdaPlugin;

/// <summary>
/// The plug-in's log for non-realtime code (initialize, state, presets; never process): warnings go to stderr,
/// and everything is appended to the file named by ADA_PLUGIN_LOG when that is set.
/// </summary>
public static class PluginLog
{
    /// <summary>The environment variable naming the log file.</summary>
    public const string FileVariable = "ADA_PLUGIN_LOG";

    private static readonly Lock s_lock = new();

    /// <summary>Raised for every message (tests listen here).</summary>
    public static event Action<string>? Logged;

    /// <summary>Something went wrong but the plug-in carried on (e.g. a corrupt state fell back to defaults).</summary>
    public static void Warn(string message)
    {
        Write(message);
        try
        {
            Console.Error.WriteLine(message);
        }
        catch (IOException)
        {
            // stderr may be closed inside a host; the file (if any) still has the message.
        }
    }

    /// <summary>A note for the log file only.</summary>
    public static void Info(string message) => Write(message);

    private static void Write(string message)
    {
        Logged?.Invoke(message);
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        try
        {
            lock (s_lock)
            {
                File.AppendAllText(path, $"{DateTime.UtcNow:O} {message}{Environment.NewLine}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"AdaPlugin: cannot write log {path}: {e.Message}");
        }
    }
}
