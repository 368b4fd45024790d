namespace Ada.Data;

/// <summary>One piece a recipe found in a Debian package, before conversion.</summary>
/// <param name="Id">Stable identifier and output file stem ([a-z0-9_-] only).</param>
/// <param name="Package">Debian package that installed it.</param>
/// <param name="SourcePath">Absolute path of the source file.</param>
/// <param name="SourceMember">Member inside the source file (WAD lump name), else null.</param>
/// <param name="SourceSha256">SHA-256 of the source bytes.</param>
/// <param name="Content">The bytes when they were extracted from a container (WAD lumps); null to read <paramref name="SourcePath"/>.</param>
public sealed record SourcePiece(string Id, string Package, string SourcePath, string? SourceMember, string SourceSha256, byte[]? Content = null);
