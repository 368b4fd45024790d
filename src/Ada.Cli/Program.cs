using System.CommandLine;
using Ada.Cli.Commands;

namespace Ada.Cli;

/// <summary>Entry point: one verb per file under Commands/, this file only wires them.</summary>
public static class Program
{
    /// <summary>Runs the `ada` command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("AdaPlugin: hierarchical autoregressive discrete autoencoders for music (Dieleman et al., 2018).")
        {
            InfoCommand.Create(),
            BenchCommand.Create(),
            DataCommand.Create(),
            TrainCommand.Create(),
            RenderCommand.Create(),
            PlotCommand.Create(),
            ExportCommand.Create(),
            EvalCommand.Create(),
            ServeCommand.Create(),
        };
        return CliErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }
}
