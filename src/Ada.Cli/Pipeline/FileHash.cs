using System.Security.Cryptography;

namespace Ada.Cli.Pipeline;

/// <summary>SHA-256 of files, as lower-case hex.</summary>
public static class FileHash
{
    /// <summary>Hash of the file's bytes.</summary>
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
