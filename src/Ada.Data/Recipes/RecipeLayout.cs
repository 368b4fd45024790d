using System.Text;

namespace Ada.Data;

/// <summary>Folder layout inside a recipe folder and the helpers recipes share to name and find pieces.</summary>
public static class RecipeLayout
{
    /// <summary>Scratch folder for intermediate files (deleted after each run).</summary>
    public const string WorkFolderName = ".work";

    /// <summary>Lock file held while a run writes into the recipe folder.</summary>
    public const string LockFileName = ".lock";

    /// <summary>Takes the recipe folder's lock; a second run on the same folder fails instead of deleting the first one's files.</summary>
    public static FileStream Lock(string recipeDirectory)
    {
        var path = Path.Combine(recipeDirectory, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Another 'ada data fetch' is writing {recipeDirectory} (lock {path} is held)", e);
        }
    }

    /// <summary>Absolute path of the audio folder (created if missing).</summary>
    public static string AudioDirectory(string recipeDirectory) =>
        Directory.CreateDirectory(Path.Combine(recipeDirectory, DataPaths.AudioFolderName)).FullName;

    /// <summary>Absolute path of the scratch folder (created if missing).</summary>
    public static string WorkDirectory(string recipeDirectory) =>
        Directory.CreateDirectory(Path.Combine(recipeDirectory, WorkFolderName)).FullName;

    /// <summary>Manifest-style relative path of a file in the audio folder.</summary>
    public static string RelativeAudioPath(string fileName) => $"{DataPaths.AudioFolderName}/{fileName}";

    /// <summary>A piece id: prefix and stem, lower-case, characters outside [a-z0-9_-] replaced by '_'.</summary>
    public static string MakeId(string prefix, string stem)
    {
        var id = new StringBuilder(prefix.Length + stem.Length + 1);
        foreach (var c in $"{prefix}-{stem}".ToLowerInvariant())
            id.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' ? c : '_');
        return id.ToString();
    }

    /// <summary>The package's files ending in <paramref name="extension"/> (case-insensitive), sorted ordinally.</summary>
    public static IReadOnlyList<string> PackageFiles(IDebianPackages packages, string package, string extension)
    {
        var files = packages.ListFiles(package)
            .Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files
            : throw new InvalidOperationException($"Package {package} installed no {extension} files (dpkg -L {package})");
    }

    /// <summary>One piece per file, hashed, with ids "prefix-stem".</summary>
    public static IEnumerable<SourcePiece> FilePieces(IDebianPackages packages, string package, string extension, string prefix) =>
        PackageFiles(packages, package, extension).Select(f =>
            new SourcePiece(MakeId(prefix, Path.GetFileNameWithoutExtension(f)), package, f, null, Hashing.Sha256HexOfFile(f)));

    /// <summary>Deletes a file if it exists.</summary>
    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
            File.Delete(path);
    }
}
