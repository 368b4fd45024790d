using Ada.Data;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>
/// Paths as evaluation results record them: relative to the repository ("models/default-piano/model.json") or in the config
/// form <see cref="CachePaths.Resolve"/> reads ("data/piano/manifest.json", "runs/eval/amae-h8-s1/train.csv"), so a committed
/// result names no machine's folders and still finds its files on a clone with the same cache layout.
/// </summary>
public static class ResultPaths
{
    /// <summary>The recorded form of <paramref name="path"/>; one under neither the repository nor the caches stays absolute.</summary>
    public static string Portable(string path)
    {
        var full = Path.GetFullPath(path);
        // The repository first, so a cache inside a clone is recorded as the clone sees it; the data cache before the
        // AdaPlugin cache because $ADA_DATA may lie elsewhere and only the "data/" prefix finds it again.
        foreach (var (root, prefix) in new[] { (RepoPaths.Find, ""), (DataPaths.DefaultRoot(), "data/"), (CachePaths.Root, "") })
            if (root is not null && Inside(root, full) is { } relative)
                return prefix + relative;
        return full;
    }

    /// <summary>
    /// Where a recorded path is: an absolute one as recorded (results written before paths were portable), a relative one
    /// under the repository when it is there, else in the caches.
    /// </summary>
    public static string Resolve(string recorded)
    {
        if (Path.IsPathRooted(recorded)) return recorded;
        if (RepoPaths.Find is { } repo && Path.Combine(repo, recorded) is var inRepo && (File.Exists(inRepo) || Directory.Exists(inRepo))) return inRepo;
        return CachePaths.Resolve(recorded);
    }

    /// <summary><paramref name="full"/> relative to <paramref name="root"/> with '/' separators, or null when it is not below it.</summary>
    static string? Inside(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        bool outside = relative is "." or ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar) || Path.IsPathRooted(relative);
        return outside ? null : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
