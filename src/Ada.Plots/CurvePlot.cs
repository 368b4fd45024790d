using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Ada.Plots;

/// <summary>Training and evaluation curves as a PNG line chart: one line per series, with title, axis labels and legend; several runs' logs can share one chart.</summary>
public static class CurvePlot
{
    /// <summary>Plots columns of one CSV log, each labelled by its column name; returns the series drawn.</summary>
    public static IReadOnlyList<CurveSeries> FromCsv(string csvPath, IEnumerable<string> columns, string title, string yLabel, string pngPath, CurvePlotOptions? options = null) =>
        FromCsv(columns.Select(c => (c, csvPath, c)), title, yLabel, pngPath, options);

    /// <summary>Plots one column from each of several CSV logs (e.g. codebook usage of several seeds), each file read once; returns the series drawn.</summary>
    public static IReadOnlyList<CurveSeries> FromCsv(IEnumerable<(string Label, string CsvPath, string Column)> series, string title, string yLabel, string pngPath, CurvePlotOptions? options = null)
    {
        var logs = new Dictionary<string, CsvLog>();
        var curves = series.Select(s =>
        {
            if (!logs.TryGetValue(s.CsvPath, out var log))
                logs[s.CsvPath] = log = CsvLog.Load(s.CsvPath);
            return log.Series(s.Column, s.Label);
        }).ToList();
        FromSeries(curves, title, yLabel, pngPath, options);
        return curves;
    }

    /// <summary>Plots in-memory series to <paramref name="pngPath"/>.</summary>
    public static void FromSeries(IEnumerable<CurveSeries> series, string title, string yLabel, string pngPath, CurvePlotOptions? options = null)
    {
        options ??= new CurvePlotOptions();
        var curves = series.ToList();
        if (curves.Count == 0)
            throw new ArgumentException($"{pngPath}: no series to plot", nameof(series));

        var plot = Figure.NewPlot();
        plot.Title(title);
        plot.XLabel(options.XLabel);
        plot.YLabel(yLabel);
        var allY = new List<double>();
        foreach (var curve in curves)
        {
            var (xs, ys) = Points(curve, options.LogY);
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = curve.Label;
            line.LineWidth = 1.5f;
            allY.AddRange(ys);
        }
        if (options.LogY)
            UseLogTicks(plot, allY);
        plot.ShowLegend(Edge.Right);
        Figure.Save(pngPath, options.Width, options.Height, (plot, new SKRectI(0, 0, options.Width, options.Height)));
    }

    /// <summary>Finite points of a series, as (x, log10 y) with only positive y when <paramref name="logY"/>.</summary>
    static (double[] Xs, double[] Ys) Points(CurveSeries curve, bool logY)
    {
        if (curve.Steps.Length != curve.Values.Length)
            throw new ArgumentException($"series '{curve.Label}': {curve.Steps.Length} steps but {curve.Values.Length} values");
        var kept = curve.Steps.Zip(curve.Values)
            .Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second) && (!logY || p.Second > 0))
            .ToList();
        return (kept.Select(p => p.First).ToArray(), kept.Select(p => logY ? Math.Log10(p.Second) : p.Second).ToArray());
    }

    // ScottPlot draws log axes as log10 data with relabelled ticks; whole decades only once the data spans one.
    static void UseLogTicks(Plot plot, List<double> log10Values)
    {
        double span = log10Values.Count == 0 ? 0 : log10Values.Max() - log10Values.Min();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = span >= 1,
            LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
        };
    }
}
