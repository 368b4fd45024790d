using System.Text;
using Ada.Plots;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>The markdown being written plus the figures beside it; links are relative to the markdown file's folder.</summary>
public sealed class ReportDocument(string markdownPath, string mediaDir)
{
    readonly StringBuilder text = new();
    readonly List<string> written = new();

    /// <summary>Figure size: small enough for a repository (each PNG well under 150 KB), large enough to read.</summary>
    public static readonly CurvePlotOptions FigureSize = new(800, 400);

    /// <summary>Files this document wrote besides the markdown.</summary>
    public IReadOnlyList<string> Written => written;

    /// <summary>Appends a line (or an empty line).</summary>
    public ReportDocument Line(string line = "")
    {
        text.AppendLine(line);
        return this;
    }

    /// <summary>Appends a table.</summary>
    public ReportDocument Table(MarkdownTable table)
    {
        text.Append(table);
        return this;
    }

    /// <summary>A path relative to the markdown file, with forward slashes.</summary>
    public string Link(string path) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!, Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>Plots curves into mediaDir/<paramref name="file"/> and embeds it with its caption and the command that drew it.</summary>
    public ReportDocument Curves(string file, IReadOnlyList<CurveSeries> series, string title, string yLabel, string caption, string xLabel = "training step")
    {
        var kept = series.Where(s => s.Steps.Length > 0).ToList();
        if (kept.Count == 0) return Line($"*({caption}: no data to plot.)*").Line();
        var png = Path.Combine(mediaDir, file);
        CurvePlot.FromSeries(kept, title, yLabel, png, FigureSize with { XLabel = xLabel });
        written.Add(png);
        return Image(png, caption, "ada eval report");
    }

    /// <summary>Plots one column of several train.csv logs into mediaDir/<paramref name="file"/> and embeds it.</summary>
    public ReportDocument CsvCurves(string file, IReadOnlyList<(string Label, string CsvPath, string Column)> series, string title, string yLabel, string caption)
    {
        if (series.Count == 0) return Line($"*({caption}: no train.csv logs found.)*").Line();
        var png = Path.Combine(mediaDir, file);
        CurvePlot.FromCsv(series, title, yLabel, png, FigureSize);
        written.Add(png);
        return Image(png, caption, "ada eval report");
    }

    /// <summary>Draws the WAV files one after another as one spectrogram in mediaDir/<paramref name="file"/> and embeds it; missing files are left out.</summary>
    public ReportDocument Spectrograms(string file, IReadOnlyList<(string Label, string Wav)> clips, string caption)
    {
        var present = clips.Where(c => File.Exists(c.Wav)).ToList();
        if (present.Count == 0) return this;
        var png = Path.Combine(mediaDir, file);
        CompactSpectrogram.SaveSequence(present.Select(c => c.Wav).ToList(), png, string.Join(" | ", present.Select(c => c.Label)));
        written.Add(png);
        return Image(png, $"{caption}, left to right: {string.Join(", ", present.Select(c => c.Label))}", "ada eval report");
    }

    /// <summary>Embeds an existing image with a caption naming the command that wrote it.</summary>
    public ReportDocument Image(string png, string caption, string command) =>
        Line($"![{caption}]({Link(png)})").Line().Line($"*{caption} (written by `{command}`).*").Line();

    /// <summary>Writes the markdown atomically.</summary>
    public void Save() => Ada.Models.AtomicFile.WriteText(markdownPath, text.ToString());
}
