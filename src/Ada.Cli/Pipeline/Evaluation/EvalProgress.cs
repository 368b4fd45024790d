using Spectre.Console;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Runs long evaluation work behind a Spectre progress display (one bar per label), or plain log lines when the output is not a terminal.</summary>
public static class EvalProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports (label, done, total) as it goes; returns its result.</summary>
    public static T Run<T>(Func<Action<string, int, int>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return work((label, done, total) => Console.WriteLine($"{label}: {done}/{total}"));
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                result = work((label, done, total) =>
                {
                    if (!tasks.TryGetValue(label, out var task)) tasks[label] = task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(total, 1));
                    task.Value = done;
                });
            });
        return result;
    }
}
