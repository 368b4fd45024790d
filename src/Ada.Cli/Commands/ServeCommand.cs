using System.CommandLine;
using Ada.Models;
using Ada.Service;
using Ada.Service.Models;

namespace Ada.Cli.Commands;

/// <summary>`ada serve`: runs the generator service the plugin connects to (until Ctrl+C or the idle timeout).</summary>
public static class ServeCommand
{
    /// <summary>Builds the `serve` verb.</summary>
    public static Command Create()
    {
        var socket = new Option<string?>("--socket") { Description = "Unix socket path (default $XDG_RUNTIME_DIR/ada/ada.sock)" };
        var presets = new Option<string?>("--presets") { Description = "Presets folder (default: the repository's presets/)" };
        var cache = new Option<string?>("--cache") { Description = "Take cache folder (default ~/.cache/adaplugin/takes)" };
        var cacheSize = new Option<long?>("--disk-cache-mb") { Description = "Disk take cache budget in MiB; least recently used takes are deleted beyond it (default 2048)" };
        var idle = new Option<double>("--idle-minutes") { Description = "Stop when no client has been attached this long", DefaultValueFactory = _ => 10 };
        var workers = new Option<int?>("--workers") { Description = "Generation threads (default: one per core)" };
        var device = SamplerOption.Create();
        var command = new Command("serve", "Run the generator service for AdaPlugin instances.") { socket, presets, cache, cacheSize, idle, workers, device };
        command.SetAction((parse, cancel) =>
        {
            var defaults = new ServiceOptions();
            var options = new ServiceOptions
            {
                SocketPath = parse.GetValue(socket) ?? defaults.SocketPath,
                PresetsFolder = parse.GetValue(presets) ?? Path.Combine(RepoPaths.Root, "presets"),
                CacheFolder = parse.GetValue(cache) ?? defaults.CacheFolder,
                DiskCacheBytes = parse.GetValue(cacheSize) is { } mib ? Mebibytes(mib) : defaults.DiskCacheBytes,
                IdleShutdown = TimeSpan.FromMinutes(parse.GetValue(idle)),
                Workers = parse.GetValue(workers) ?? defaults.Workers,
                Log = Console.Error.WriteLine,
            };
            // parsed before anything starts, so "cuda" without CUDA is one error line at startup, not a failure per take
            using var models = new PresetModelSource(options.PresetsFolder, device: SamplerDevice.Parse(parse.GetValue(device)!));
            Console.Error.WriteLine($"ada serve: listening on {options.SocketPath} ({models.Device}), presets {options.PresetsFolder}");
            var reason = ServiceHost.Run(options, models, cancel);
            Console.Error.WriteLine($"ada serve: stopped ({reason})");
            return Task.FromResult(0);
        });
        return command;
    }

    static long Mebibytes(long mib) =>
        mib is >= 0 and <= long.MaxValue >> 20 ? mib << 20 : throw new ArgumentException($"--disk-cache-mb must be 0..{long.MaxValue >> 20}, got {mib}");
}
