namespace Ada.Audio;

/// <summary>A file written under <c>&lt;path&gt;.tmp-&lt;random&gt;</c> and renamed into place on <see cref="Commit"/>, so no reader sees it half-written.</summary>
internal sealed class AtomicFile : IDisposable
{
    readonly string _path;
    readonly string _tempPath;
    readonly bool _overwrite;
    bool _committed;

    AtomicFile(string path, bool overwrite)
    {
        _path = path;
        _overwrite = overwrite;
        _tempPath = $"{path}.tmp-{Random.Shared.Next():x8}";
        Stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
    }

    /// <summary>The temporary file, open for writing and seeking.</summary>
    public FileStream Stream { get; }

    /// <summary>Opens a temporary file next to <paramref name="path"/>; fails early when the target exists and overwriting is off.</summary>
    public static AtomicFile Create(string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
            throw AlreadyExists(path);
        return new AtomicFile(path, overwrite);
    }

    /// <summary>Flushes to disk, closes and renames the temporary file onto the target path.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        try
        {
            File.Move(_tempPath, _path, _overwrite);
        }
        catch (IOException) when (!_overwrite && File.Exists(_path))
        {
            File.Delete(_tempPath);
            throw AlreadyExists(_path);
        }
        _committed = true;
    }

    /// <summary>Closes the file and, unless committed, deletes the temporary file.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
            File.Delete(_tempPath);
    }

    static IOException AlreadyExists(string path) => new($"{path}: file already exists and overwriting was not allowed");
}
