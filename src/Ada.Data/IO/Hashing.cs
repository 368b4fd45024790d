using System.Security.Cryptography;

namespace Ada.Data;

/// <summary>Lower-case hex SHA-256, the only hash the manifests use.</summary>
public static class Hashing
{
    /// <summary>SHA-256 of a byte span.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>SHA-256 of a string's UTF-8 bytes.</summary>
    public static string Sha256Hex(string text) => Sha256Hex(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>SHA-256 of a file's bytes, streamed.</summary>
    public static string Sha256HexOfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>True for a 64-character lower-case hex string.</summary>
    public static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
