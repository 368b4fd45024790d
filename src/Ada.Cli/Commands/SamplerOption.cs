using System.CommandLine;
using Ada.Models;

namespace Ada.Cli.Commands;

/// <summary>The `--device` option of the verbs that sample (`render`, `serve`): which sampler, see <see cref="SamplerDevice"/>.</summary>
public static class SamplerOption
{
    /// <summary>A fresh `--device` option (default "cpu", the fast CPU sampler); parse its value with <see cref="SamplerDevice.Parse"/>.</summary>
    public static Option<string> Create() => new("--device") { Description = $"Sampler: {SamplerDevice.Choices}", DefaultValueFactory = _ => "cpu" };
}
