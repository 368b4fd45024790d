using Ada.Models;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Reads and writes evaluation results as JSON (the project's strict camelCase dialect), atomically.</summary>
public static class EvalFiles
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> through a temp file and a rename.</summary>
    public static void Write<T>(string path, T result) => AtomicFile.WriteText(path, Json.Write(result));

    /// <summary>Reads a result file; unknown or missing keys are errors naming the file and the key.</summary>
    public static T Read<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"evaluation result {path}: file not found", path);
        return Json.Read<T>(File.ReadAllText(path), $"evaluation result {path}");
    }
}
