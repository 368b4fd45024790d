namespace Ada.Data;

/// <summary>What a recipe run did.</summary>
/// <param name="Recipe">Recipe name.</param>
/// <param name="ManifestPath">Path of the manifest written.</param>
/// <param name="Sources">Source pieces found.</param>
/// <param name="Converted">Pieces converted in this run.</param>
/// <param name="Reused">Pieces whose files were already done and intact.</param>
/// <param name="Excluded">Pieces left out (too short or unreadable).</param>
/// <param name="Totals">Files and hours per split and package, bytes on disk.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="InstalledPackages">Debian packages this run installed.</param>
/// <param name="Notes">Things a person should know (installs, rebuilt manifests, exclusions).</param>
public sealed record FetchSummary(
    string Recipe,
    string ManifestPath,
    int Sources,
    int Converted,
    int Reused,
    int Excluded,
    ManifestSummary Totals,
    TimeSpan Elapsed,
    IReadOnlyList<string> InstalledPackages,
    IReadOnlyList<string> Notes);
