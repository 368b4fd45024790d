namespace Ada.Data;

/// <summary>File count and hours of one part of a dataset.</summary>
/// <param name="Files">Number of files.</param>
/// <param name="Hours">Total duration in hours.</param>
public sealed record SplitTotals(int Files, double Hours)
{
    /// <summary>Totals of a set of entries.</summary>
    public static SplitTotals Of(IEnumerable<ManifestEntry> entries)
    {
        var list = entries.ToList();
        return new SplitTotals(list.Count, list.Sum(e => e.Samples) / (3600.0 * AudioFormat.SampleRate));
    }
}
