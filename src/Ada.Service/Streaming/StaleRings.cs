using Ada.Protocol.Rings;

namespace Ada.Service.Streaming;

/// <summary>
/// Removes ring files a crashed service left behind: files named <c>ada-svc{pid}-…</c> (the prefix every service
/// instance uses) whose creator process (from the validated header, else from the name) is no longer running.
/// Rings of live services, and files of any other naming, are never touched.
/// </summary>
internal static class StaleRings
{
    /// <summary>Ring name prefix of this process: <c>svc{pid}-c{client}</c> per client.</summary>
    public static string Prefix(int clientId) => $"svc{Environment.ProcessId}-c{clientId}";

    /// <summary>Deletes stale rings in <paramref name="directory"/>; returns how many.</summary>
    public static int Sweep(string directory, Action<string> log)
    {
        if (!Directory.Exists(directory)) return 0;
        int removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "ada-svc*"))
        {
            if (!path.EndsWith(RingFiles.Extension, StringComparison.Ordinal) && !path.EndsWith(RingFiles.Extension + ".tmp", StringComparison.Ordinal)) continue;
            int? creator = CreatorOf(path);
            if (creator is not { } pid || pid == Environment.ProcessId || LiveProcesses.IsAlive(pid)) continue;
            try
            {
                File.Delete(path);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log($"cannot remove stale ring {path}: {e.Message}");
            }
        }
        return removed;
    }

    private static int? CreatorOf(string path)
    {
        if (RingReader.TryOpen(path, out var reader, out _))
            using (reader) return reader.CreatorProcessId;
        // Unreadable (half-created or corrupt): trust the pid in the name "ada-svc{pid}-…".
        string name = Path.GetFileName(path)["ada-svc".Length..];
        int dash = name.IndexOf('-');
        return dash > 0 && int.TryParse(name[..dash], out int pid) ? pid : null;
    }
}
