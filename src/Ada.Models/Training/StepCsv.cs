using System.Globalization;

namespace Ada.Models;

/// <summary>A CSV log with one row per training step; reopening it for a resumed run drops the rows after the resumed step.</summary>
public sealed class StepCsv
{
    readonly string path;

    /// <summary>Opens or creates <paramref name="path"/> with <paramref name="columns"/> (the first must be "step").</summary>
    public StepCsv(string path, IReadOnlyList<string> columns, long resumedStep)
    {
        if (columns.Count == 0 || columns[0] != "step") throw new ArgumentException("the first column of a step log must be \"step\"", nameof(columns));
        this.path = path;
        var kept = File.Exists(path)
            ? File.ReadAllLines(path).Skip(1).Where(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture) <= resumedStep)
            : [];
        AtomicFile.WriteText(path, string.Join('\n', kept.Prepend(string.Join(',', columns))) + "\n");
    }

    /// <summary>Appends one row: the step, then <paramref name="values"/> (null writes an empty cell).</summary>
    public void Append(long step, IEnumerable<double?> values) =>
        File.AppendAllText(path, string.Join(',', values.Select(v => v?.ToString("G6", CultureInfo.InvariantCulture) ?? "")
            .Prepend(step.ToString(CultureInfo.InvariantCulture))) + "\n");
}
