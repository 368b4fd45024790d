using System.Diagnostics;

namespace Ada.Service;

/// <summary>Whether a process id names a running process: how files a crashed service left behind (rings, cache leases) are recognised.</summary>
internal static class LiveProcesses
{
    /// <summary>True while process <paramref name="pid"/> is running (a pid the OS reused for another process also counts).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
