using System.CommandLine;
using Ada.Cli.Pipeline;
using Ada.Data;
using Ada.Models;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada train &lt;config.json&gt;`: trains one level, resumable, with a live progress display and a CSV log.</summary>
public static class TrainCommand
{
    /// <summary>Builds the `train` verb.</summary>
    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "Training config (see configs/)" };
        var steps = new Option<int?>("--steps") { Description = "Override training.steps (total, including resumed steps)" };
        var minutes = new Option<double?>("--minutes") { Description = "Stop (with a checkpoint, resumable) after this many minutes of wall time" };
        var threads = new Option<int?>("--threads") { Description = "Override training.threads (CPU threads LibTorch uses; 0 = its default)" };
        var device = new Option<string?>("--device") { Description = "Override training.device: auto, cpu, cuda or cuda:N" };
        var command = new Command("train", "Train one level of the hierarchy from a config; resumes from the newest checkpoint in its run folder.") { config, steps, minutes, threads, device };
        command.SetAction((parse, cancel) =>
        {
            var run = RunConfigFile.Load(parse.GetValue(config)!);
            run = run with
            {
                Training = run.Training with
                {
                    CheckpointDir = CachePaths.Resolve(run.Training.CheckpointDir),
                    Steps = parse.GetValue(steps) ?? run.Training.Steps,
                    Threads = parse.GetValue(threads) ?? run.Training.Threads,
                    Device = parse.GetValue(device) ?? run.Training.Device,
                },
            };
            using var data = LevelData.Open(run, DataSplit.Train);
            using var holdout = run.Training.EvalInterval > 0 ? LevelData.Open(run, LevelData.HoldoutSplit(run)) : null;
            using var trainer = new Trainer(run, data.Source, holdout?.Source);
            AnsiConsole.MarkupLineInterpolated($"[bold]{run.Name}[/]: {run.Model.Kind} level {run.Model.Level}, {trainer.Model.parameters().Sum(p => p.numel()):N0} parameters, run folder {trainer.RunDirectory}");
            if (trainer.ResumedFrom is { } resumed) AnsiConsole.MarkupLineInterpolated($"resuming from {resumed} (step {trainer.Step})");
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (parse.GetValue(minutes) is { } limit) budget.CancelAfter(TimeSpan.FromMinutes(limit));
            var summary = Progress(run, trainer, budget.Token);
            var heldOut = summary.LastHeldOut is { } h ? $", held-out NLL {h.NllBits:F3} bits at step {h.Step}" : "";
            AnsiConsole.MarkupLineInterpolated($"[green]done[/]: step {summary.Step}/{summary.TargetSteps}, {summary.MeanSamplesPerSecond:N0} samples/s{heldOut}, checkpoint {summary.Checkpoint}");
            return Task.FromResult(0);
        });
        return command;
    }

    static TrainSummary Progress(RunConfig run, Trainer trainer, CancellationToken cancel)
    {
        HeldOutPoint? heldOut = null;
        string Line(TrainMetrics m)
        {
            if (m.HeldOutNllBits is { } bits) heldOut = new HeldOutPoint(m.Step, bits);
            return Describe(m, heldOut);
        }

        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return trainer.Run(m =>
            {
                if (m.Step % run.Training.LogInterval == 0 || m.Step == m.TotalSteps || m.HeldOutNllBits != null) Console.WriteLine(Line(m));
            }, cancel);

        TrainSummary? summary = null;
        AnsiConsole.Progress()
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: run.Training.Steps);
                task.Value = trainer.Step;
                summary = trainer.Run(m =>
                {
                    task.Value = m.Step;
                    task.Description = Markup.Escape(Line(m));
                }, cancel);
            });
        return summary!;
    }

    static string Describe(TrainMetrics m, HeldOutPoint? heldOut)
    {
        var terms = string.Join(" ", m.Terms.Where(t => t.Key != "nll").Select(t => $"{t.Key} {t.Value:F4}"));
        var usage = m.Usage is { } u ? $" usage {u.PerplexityRatio:P0} used {u.FractionUsed:P0}" : "";
        var held = heldOut is { } h ? $" held-out {h.NllBits:F3} bits (step {h.Step})" : "";
        return $"step {m.Step}/{m.TotalSteps} nll {m.NllBits:F3} bits{held} {terms}{usage} {m.SamplesPerSecond:N0} samples/s";
    }
}
