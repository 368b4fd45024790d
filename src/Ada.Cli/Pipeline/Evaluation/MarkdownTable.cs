using System.Text;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>A GitHub-flavoured markdown table built row by row; cells are escaped so a '|' cannot break the layout.</summary>
public sealed class MarkdownTable(params string[] header)
{
    readonly List<string[]> rows = new();

    /// <summary>Adds a row; it must have one cell per header column.</summary>
    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != header.Length) throw new ArgumentException($"table row has {cells.Length} cells, the header {header.Length}");
        rows.Add(cells);
        return this;
    }

    /// <summary>Number of rows added.</summary>
    public int Count => rows.Count;

    /// <summary>The table as markdown lines, ending with a blank line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Line(header));
        text.AppendLine(Line(header.Select(_ => "---").ToArray()));
        foreach (var row in rows) text.AppendLine(Line(row));
        return text.AppendLine().ToString();
    }

    static string Line(string[] cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |";
}
