namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>What `ada eval report` turns into markdown: level results, the long-range result, hand-written notes and the report's own command line.</summary>
public sealed record ReportInputs(
    IReadOnlyList<LevelEvaluation> Levels,
    LongRangeEvaluation? LongRange,
    string? Notes = null,
    string? Command = null)
{
    /// <summary>Reads every *.json of <paramref name="resultsDir"/>: longrange.json is the long-range result, every other file a level result.</summary>
    public static ReportInputs Load(string resultsDir, string? notesPath, string? command)
    {
        if (!Directory.Exists(resultsDir)) throw new DirectoryNotFoundException($"results folder {resultsDir}: not found (write results with `ada eval level` / `ada eval longrange` first)");
        var files = Directory.EnumerateFiles(resultsDir, "*.json").Order(StringComparer.Ordinal).ToList();
        var longRange = files.FirstOrDefault(f => Path.GetFileName(f) == LongRangeFile);
        var levels = files.Where(f => f != longRange).Select(EvalFiles.Read<LevelEvaluation>).ToList();
        if (levels.Count == 0 && longRange is null) throw new InvalidDataException($"results folder {resultsDir}: no *.json results");
        if (levels.FirstOrDefault(l => l.Checkpoints.Count == 0) is { } empty)
            throw new InvalidDataException($"evaluation result {empty.Name}: no checkpoint scores");
        var notes = notesPath is null ? null
            : File.Exists(notesPath) ? File.ReadAllText(notesPath) : throw new FileNotFoundException($"notes {notesPath}: file not found", notesPath);
        return new ReportInputs(levels, longRange is null ? null : EvalFiles.Read<LongRangeEvaluation>(longRange), notes, command);
    }

    /// <summary>File name of the long-range result inside a results folder.</summary>
    public const string LongRangeFile = "longrange.json";
}
