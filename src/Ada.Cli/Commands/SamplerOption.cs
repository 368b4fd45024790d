using System.CommandLine;
using System.CommandLine.Parsing;
using Ada.Inference.Kernels;
using Ada.Models;

namespace Ada.Cli.Commands;

/// <summary>The `--device` option of the verbs that sample (`render`, `serve`): which sampler, see <see cref="SamplerDevice"/>.</summary>
public static class SamplerOption
{
    /// <summary>A fresh `--device` option (default "cpu", the fast CPU sampler); parse its value with <see cref="SamplerDevice.Parse"/>.</summary>
    public static Option<string> Create() => new("--device") { Description = $"Sampler: {SamplerDevice.Choices}", DefaultValueFactory = _ => "cpu" };

    /// <summary>A fresh `--precision fp32|bf16` option: the fast CPU sampler's weight precision (default fp32).</summary>
    public static Option<WeightPrecision> Precision() => new("--precision")
    {
        Description = "Weights of the fast CPU sampler: fp32, or bf16 (half the bytes per step; close to fp32 but not bit-identical, see README)",
        HelpName = "fp32|bf16",
        DefaultValueFactory = _ => WeightPrecision.Float32,
        CustomParser = result => ParsePrecision(result, result.Tokens[0]),
    };

    /// <summary>A `--precision` token as a <see cref="WeightPrecision"/>; an unknown name becomes a parse error of <paramref name="result"/>.</summary>
    public static WeightPrecision ParsePrecision(ArgumentResult result, Token token)
    {
        try
        {
            return WeightPrecisions.Parse(token.Value);
        }
        catch (ArgumentException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }
}
