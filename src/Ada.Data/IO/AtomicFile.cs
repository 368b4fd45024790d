namespace Ada.Data;

/// <summary>Writes files through a temp name in the same folder and a rename, so readers never see half a file.</summary>
public static class AtomicFile
{
    /// <summary>A fresh temp name next to <paramref name="path"/> (same folder, so the rename is atomic).</summary>
    public static string TempPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
            $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    /// <summary>Writes all bytes atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                stream.Write(bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Moves a finished temp file onto its final name, replacing any older file.</summary>
    public static void Commit(string tempPath, string path) => File.Move(tempPath, path, overwrite: true);
}
