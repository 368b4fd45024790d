using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ada.Models;

/// <summary>
/// CPU seconds of the calling thread: on a shared machine a single-threaded benchmark's rate per CPU-second is far steadier
/// than per wall second, because time the scheduler gives other jobs is not counted.
/// </summary>
static partial class ThreadCpuClock
{
    const int ThreadCpuTimeId = 3;   // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The calling thread's CPU seconds on Linux; elsewhere the process's (the benchmarks run one busy thread).</summary>
    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeId, out var t) == 0) return t.Seconds + t.Nanoseconds * 1e-9;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }
}
