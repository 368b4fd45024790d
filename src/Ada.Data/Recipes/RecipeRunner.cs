using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Ada.Data;

/// <summary>
/// Runs a recipe end to end: checks (or installs) its Debian packages, locates its sources, converts
/// them in parallel (reusing files an existing manifest vouches for), splits by piece and writes the
/// manifest atomically. This is what `ada data fetch &lt;recipe&gt;` calls.
/// </summary>
public sealed partial class RecipeRunner(IDebianPackages packages)
{
    /// <summary>A runner on the real dpkg/apt package system.</summary>
    public RecipeRunner() : this(new DpkgPackages())
    {
    }

    /// <summary>The recipes that ship with AdaPlugin.</summary>
    public static IReadOnlyList<IDataRecipe> BuiltIn { get; } = [new PianoRecipe(), new OrchestralRecipe()];

    /// <summary>A built-in recipe by name; the error lists the known names.</summary>
    public static IDataRecipe Find(string name) =>
        BuiltIn.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"Unknown data recipe '{name}'. Known recipes: {string.Join(", ", BuiltIn.Select(r => r.Name))}", nameof(name));

    /// <summary>Runs a built-in recipe by name.</summary>
    public FetchSummary Fetch(string recipe, FetchOptions options, IProgress<FetchProgress>? progress = null, CancellationToken cancellation = default) =>
        Fetch(Find(recipe), options, progress, cancellation);

    /// <summary>Runs a recipe.</summary>
    public FetchSummary Fetch(IDataRecipe recipe, FetchOptions options, IProgress<FetchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var notes = new List<string>();
        void Say(string message)
        {
            notes.Add(message);
            progress?.Report(new FetchProgress(0, 0, message));
        }

        var directory = Directory.CreateDirectory(DataPaths.RecipeDirectory(options.Root, recipe.Name)).FullName;
        var manifestPath = Path.Combine(directory, DataPaths.ManifestFileName);
        using var folderLock = RecipeLayout.Lock(directory);
        var installed = PackageGuard.Ensure(packages, recipe.RequiredPackages, Say, cancellation);
        progress?.Report(new FetchProgress(0, 0, $"Locating {recipe.Name} sources"));
        var sources = recipe.LocateSources(packages);
        var duplicate = sources.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Recipe {recipe.Name} found two sources with the id '{duplicate.Key}'");
        var licences = sources.Select(s => s.Package).Distinct()
            .ToDictionary(p => p, p => CopyrightLicence.Determine(packages.CopyrightText(p)));
        var previous = options.Force ? null : LoadPrevious(manifestPath, recipe, Say);

        var results = ConvertAll(recipe, sources, directory, previous, licences, options, progress, cancellation);
        var kept = results.Where(r => r.Kept is not null).ToList();
        var splits = recipe.AssignSplits(kept.Select(r => r.Source).ToList());
        var files = kept.Select((r, k) => r.Kept! with { Split = splits[k], Licence = licences[r.Source.Package] }).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        var excluded = results.Where(r => r.Excluded is not null).Select(r => r.Excluded!).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        notes.AddRange(excluded.Select(e => $"Excluded {e.Id}: {e.Reason}"));

        RemoveStaleFiles(directory, files);
        var manifest = new DatasetManifest
        {
            Format = DatasetManifest.CurrentFormat,
            Recipe = recipe.Name,
            Settings = recipe.Settings,
            SampleRate = AudioFormat.SampleRate,
            Summary = ManifestSummary.Of(files, BytesOnDisk(directory, files)),
            Files = files,
            Excluded = excluded,
        };
        ManifestFile.Write(manifestPath, manifest);
        return new FetchSummary(recipe.Name, manifestPath, sources.Count,
            results.Count(r => !r.Reused), results.Count(r => r.Reused), excluded.Count,
            manifest.Summary, clock.Elapsed, installed, notes);
    }

    private static PieceResult[] ConvertAll(IDataRecipe recipe, IReadOnlyList<SourcePiece> sources, string directory,
        DatasetManifest? previous, IReadOnlyDictionary<string, string> licences, FetchOptions options,
        IProgress<FetchProgress>? progress, CancellationToken cancellation)
    {
        var results = new PieceResult[sources.Count];
        int done = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellation,
        };
        try
        {
            Parallel.For(0, sources.Count, parallel, i =>
            {
                var source = sources[i];
                results[i] = Reuse(source, previous, directory) ?? Convert(recipe, source, directory, licences[source.Package], cancellation);
                var verb = results[i].Reused ? "reused" : results[i].Kept is not null ? "converted" : "excluded";
                progress?.Report(new FetchProgress(Interlocked.Increment(ref done), sources.Count, $"{verb} {source.Id}"));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        finally
        {
            var work = Path.Combine(directory, RecipeLayout.WorkFolderName);
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
        return results;
    }

    private static DatasetManifest? LoadPrevious(string manifestPath, IDataRecipe recipe, Action<string> say)
    {
        if (!File.Exists(manifestPath))
            return null;
        try
        {
            var manifest = ManifestFile.Read(manifestPath);
            if (manifest.Recipe == recipe.Name && manifest.Settings == recipe.Settings)
                return manifest;
            say($"Existing manifest was made with other settings; converting everything again ({manifestPath})");
        }
        catch (InvalidDataException e)
        {
            say($"Existing manifest is unreadable; converting everything again ({e.Message})");
        }
        return null;
    }

    /// <summary>Deletes files in the audio folder that the new manifest does not list (old pieces, crashed temp files).</summary>
    private static void RemoveStaleFiles(string directory, IReadOnlyList<ManifestEntry> files)
    {
        var audio = Path.Combine(directory, DataPaths.AudioFolderName);
        if (!Directory.Exists(audio))
            return;
        var listed = files.SelectMany(f => new[] { f.Path, f.Midi }).OfType<string>()
            .Select(p => Path.GetFullPath(Path.Combine(directory, p))).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(audio))
            if (!listed.Contains(Path.GetFullPath(file)))
                File.Delete(file);
    }

    private static long BytesOnDisk(string directory, IReadOnlyList<ManifestEntry> files) =>
        files.SelectMany(f => new[] { f.Path, f.Midi }).OfType<string>()
            .Sum(p => new FileInfo(Path.Combine(directory, p)).Length);
}
