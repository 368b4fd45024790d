using System.Runtime.InteropServices;

namespace AdaPlugin.Tests.Harness;

/// <summary>
/// The C library's environment. A NativeAOT library reads the process environment (environ), which .NET's
/// Environment.SetEnvironmentVariable does not change on Unix, so the harness sets variables here.
/// </summary>
internal static partial class Libc
{
    public static void Set(string name, string? value)
    {
        var result = value is null ? unsetenv(name) : setenv(name, value, 1);
        if (result != 0)
        {
            throw new InvalidOperationException($"cannot set environment variable {name} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int unsetenv(string name);
}
