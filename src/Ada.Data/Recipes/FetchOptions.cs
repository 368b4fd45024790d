namespace Ada.Data;

/// <summary>Options of a recipe run (the CLI's `ada data fetch` flags).</summary>
/// <param name="Root">Data root; null for <see cref="DataPaths.DefaultRoot()"/>.</param>
/// <param name="Force">Convert everything again even when a manifest says the files are done.</param>
/// <param name="MaxParallelism">Pieces converted at once; null for <see cref="Environment.ProcessorCount"/>.</param>
public sealed record FetchOptions(string? Root = null, bool Force = false, int? MaxParallelism = null);
