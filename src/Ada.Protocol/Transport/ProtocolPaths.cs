namespace Ada.Protocol.Transport;

/// <summary>Where the service listens by default, so the plugin finds it without configuration.</summary>
public static class ProtocolPaths
{
    /// <summary>Longest socket path the OS accepts (Linux sun_path is 108 bytes including the terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>
    /// Per-user socket path: <c>$XDG_RUNTIME_DIR/ada/ada.sock</c> when that is set (Linux desktop sessions),
    /// otherwise <c>{temp}/ada-{user}/ada.sock</c>; on Windows <c>%LOCALAPPDATA%\Ada\ada.sock</c>.
    /// </summary>
    public static string DefaultSocketPath()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Ada", "ada.sock");
        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return string.IsNullOrEmpty(runtime) || !Directory.Exists(runtime)
            ? Path.Combine(Path.GetTempPath(), $"ada-{Environment.UserName}", "ada.sock")
            : Path.Combine(runtime, "ada", "ada.sock");
    }

    /// <summary>Null when <paramref name="path"/> can be a socket path, else what is wrong with it.</summary>
    public static string? CheckSocketPath(string path)
    {
        if (string.IsNullOrEmpty(path)) return "the socket path is empty";
        int bytes = System.Text.Encoding.UTF8.GetByteCount(path);
        return bytes > MaxSocketPathBytes
            ? $"socket path '{path}' is {bytes} bytes, the OS limit is {MaxSocketPathBytes}"
            : null;
    }
}
