using System.Globalization;

namespace Ada.Plots;

/// <summary>A training log read from CSV: a header row whose first column is <c>step</c>, then one numeric row per logged step; empty cells are values not logged at that step.</summary>
internal sealed class CsvLog
{
    readonly string path;
    readonly string[] header;
    readonly List<(int Line, string[] Cells)> rows;

    CsvLog(string path, string[] header, List<(int, string[])> rows)
    {
        this.path = path;
        this.header = header;
        this.rows = rows;
    }

    /// <summary>Reads the whole file; errors lead with the path.</summary>
    public static CsvLog Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: CSV log not found", path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
            throw new FormatException($"{path}: empty file, expected a header row starting with 'step'");
        var header = Split(lines[0]);
        if (header[0] != "step")
            throw new FormatException($"{path}: the first column must be 'step', found '{header[0]}'");
        var rows = lines.Select((line, i) => (Line: i + 1, Text: line))
            .Skip(1)
            .Where(l => !string.IsNullOrWhiteSpace(l.Text))
            .Select(l => (l.Line, Split(l.Text)))
            .ToList();
        return new CsvLog(path, header, rows);
    }

    /// <summary>Column <paramref name="column"/> against step, skipping empty, NaN and infinite cells (a short, half-written last row counts as empty cells).</summary>
    public CurveSeries Series(string column, string label)
    {
        int index = Array.IndexOf(header, column);
        if (index < 0)
            throw new ArgumentException($"{path}: no column '{column}' (columns: {string.Join(", ", header)})");
        var steps = new List<double>();
        var values = new List<double>();
        foreach (var (line, cells) in rows)
        {
            if (index >= cells.Length || cells[index].Length == 0)
                continue;
            double value = Parse(cells[index], line, column);
            if (!double.IsFinite(value))
                continue;
            steps.Add(Parse(cells[0], line, "step"));
            values.Add(value);
        }
        return new CurveSeries(label, steps.ToArray(), values.ToArray());
    }

    double Parse(string cell, int line, string column) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"{path}:{line}: column '{column}' holds '{cell}', not a number");

    static string[] Split(string line) => line.Split(',').Select(c => c.Trim()).ToArray();
}
