using System.CommandLine;
using Ada.Data;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada data fetch &lt;recipe&gt;`: prepares a training set from Debian packages into the data cache.</summary>
public static class DataCommand
{
    /// <summary>Builds the `data` verb.</summary>
    public static Command Create()
    {
        var recipe = new Argument<string>("recipe") { Description = $"One of: {string.Join(", ", RecipeRunner.BuiltIn.Select(r => r.Name))}" };
        var root = new Option<string?>("--root") { Description = "Data folder (default $ADA_DATA or ~/.cache/adaplugin/data)" };
        var force = new Option<bool>("--force") { Description = "Reconvert every piece even if the manifest says it is done" };
        var fetch = new Command("fetch", "Install/locate the recipe's Debian packages, convert to 16 kHz mono, split by piece, write a manifest.")
        {
            recipe, root, force,
        };
        fetch.SetAction((parse, cancel) =>
        {
            FetchSummary? summary = null;
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(parse.GetValue(recipe)!, maxValue: 1);
                    var progress = new Progress<FetchProgress>(p =>
                    {
                        if (p.Total > 0)
                        {
                            task.MaxValue = p.Total;
                            task.Value = p.Current;
                        }
                        task.Description = Markup.Escape(p.Message.Length > 60 ? p.Message[..60] : p.Message);
                    });
                    summary = new RecipeRunner().Fetch(parse.GetValue(recipe)!, new FetchOptions(parse.GetValue(root), parse.GetValue(force)), progress, cancel);
                    task.Value = task.MaxValue;
                });
            var s = summary!;
            AnsiConsole.MarkupLineInterpolated($"[green]{s.Recipe}[/]: {s.Converted} converted, {s.Reused} reused, {s.Excluded} excluded in {s.Elapsed.TotalSeconds:F0} s");
            AnsiConsole.MarkupLineInterpolated($"manifest: {s.ManifestPath}");
            foreach (var note in s.Notes) AnsiConsole.MarkupLineInterpolated($"note: {note}");
            return Task.FromResult(0);
        });
        return new Command("data", "Training data from Debian packages.") { fetch };
    }
}
