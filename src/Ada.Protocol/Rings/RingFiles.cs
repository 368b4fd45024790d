using System.Buffers;
using System.Security.Cryptography;

namespace Ada.Protocol.Rings;

/// <summary>Where ring files live and how they are named.</summary>
public static class RingFiles
{
    private static readonly SearchValues<char> PrefixChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>File name extension of ring files.</summary>
    public const string Extension = ".ring";

    /// <summary>
    /// <c>/dev/shm</c> where it exists (RAM-backed, never written to disk), otherwise the temp folder
    /// (on Windows a file-backed mapping there; the OS cache keeps it in memory).
    /// </summary>
    public static string DefaultDirectory() =>
        !OperatingSystem.IsWindows() && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    /// <summary>A fresh path <c>{directory}/ada-{prefix}-{random}.ring</c>; the prefix must be 1..64 of [A-Za-z0-9_-].</summary>
    public static string NewPath(string directory, string prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 64 || prefix.AsSpan().ContainsAnyExcept(PrefixChars))
            throw new ArgumentException($"Ring name prefix '{prefix}' must be 1..64 characters of A-Z, a-z, 0-9, '-' or '_'.", nameof(prefix));
        return Path.Combine(directory, $"ada-{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}{Extension}");
    }
}
