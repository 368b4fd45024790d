using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>One line naming the machine a number was measured on (CPU model, logical cores, memory, OS), so reports cannot hide it.</summary>
public static class MachineInfo
{
    /// <summary>e.g. "AMD EPYC 7B13, 2 logical CPUs, 7.8 GiB RAM, no GPU used, Debian GNU/Linux 12".</summary>
    public static string Describe()
    {
        var cpu = Field("/proc/cpuinfo", @"^model name\s*:\s*(.+)$") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = Field("/proc/meminfo", @"^MemTotal:\s*(\d+) kB") is { } kb ? $"{long.Parse(kb) / 1048576.0:F1} GiB RAM" : "memory unknown";
        var os = Field("/etc/os-release", "^PRETTY_NAME=\"?([^\"]+)\"?$") ?? RuntimeInformation.OSDescription;
        return $"{cpu}, {Environment.ProcessorCount} logical CPUs, {memory}, CPU only (TorchSharp-cpu), {os}";
    }

    static string? Field(string file, string pattern)
    {
        if (!File.Exists(file)) return null;
        var match = Regex.Match(File.ReadAllText(file), pattern, RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }
}
