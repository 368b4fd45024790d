using System.CommandLine;
using System.Runtime.Intrinsics;
using Ada.Models;
using Spectre.Console;

namespace Ada.Cli.Commands;

/// <summary>`ada info`: versions, compute device and CPU features, i.e. what this machine can run.</summary>
public static class InfoCommand
{
    /// <summary>Builds the `info` verb.</summary>
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "Device to probe: auto, cpu, cuda, cuda:N", DefaultValueFactory = _ => "auto" };
        var command = new Command("info", "Show versions, the compute device and CPU features.") { device };
        command.SetAction(parse =>
        {
            var selected = TorchRuntime.SelectDevice(parse.GetValue(device)!);
            var table = new Table().AddColumns("what", "value").HideHeaders().Border(TableBorder.Rounded);
            table.AddRow("ada", typeof(InfoCommand).Assembly.GetName().Version?.ToString() ?? "?");
            table.AddRow(".NET", Environment.Version.ToString());
            table.AddRow("OS", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
            table.AddRow("TorchSharp", TorchRuntime.TorchSharpVersion);
            table.AddRow("device", selected.ToString());
            table.AddRow("CUDA available", TorchSharp.torch.cuda.is_available() ? "yes" : "no");
            table.AddRow("CPU cores", Environment.ProcessorCount.ToString());
            table.AddRow("SIMD", Vector512.IsHardwareAccelerated ? "Vector512 (AVX-512)" : Vector256.IsHardwareAccelerated ? "Vector256 (AVX2)" : "Vector128");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
