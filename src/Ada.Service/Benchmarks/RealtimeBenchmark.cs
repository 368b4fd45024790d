using System.Diagnostics;
using Ada.Service.Models;

namespace Ada.Service.Benchmarks;

/// <summary>
/// How many simultaneous real-time clients one service sustains without underruns: trials with 1, 2, … clients, each
/// arming a distinct variation of one preset and playing its ring block by block on the wall clock (one fresh service,
/// with an empty cache, per trial, so every take is generated live). For <c>ada bench</c>; not a unit test.
/// </summary>
public static class RealtimeBenchmark
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(1);

    /// <summary>Runs trials until one underruns or <see cref="RealtimeBenchmarkOptions.MaxClients"/> is reached.</summary>
    public static RealtimeBenchmarkResult Run(RealtimeBenchmarkOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Warmup > TimeSpan.Zero)
        {
            var warmup = RunTrial(options with { Duration = options.Warmup }, 1);
            progress?.Invoke($"warm-up: {warmup.Underruns} underruns in {warmup.Blocks} blocks (not counted)");
        }
        var trials = new List<RealtimeTrial>();
        int sustained = 0;
        for (int clients = 1; clients <= options.MaxClients; clients++)
        {
            var trial = RunTrial(options, clients);
            trials.Add(trial);
            progress?.Invoke($"{clients} client(s): {trial.Underruns} underruns in {trial.Blocks} blocks, preroll {trial.PrerollSeconds:0.00} s, " +
                             $"generation {trial.GenerationRealtimeFactor:0.00}× real time");
            if (!trial.Sustained) break;
            sustained = clients;
        }
        return new RealtimeBenchmarkResult(sustained, trials, options.Models.Device);
    }

    private static RealtimeTrial RunTrial(RealtimeBenchmarkOptions o, int clients)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"adab-{Guid.NewGuid():N}"[..17]);
        var service = o.Service with
        {
            SocketPath = Path.Combine(dir, "s.sock"), RingDirectory = Path.Combine(dir, "rings"), CacheFolder = Path.Combine(dir, "cache"),
            IdleShutdown = Timeout.InfiniteTimeSpan,
        };
        try
        {
            using var host = ServiceHost.Start(service, new LongTakes(o.Models, o.Duration + o.Preroll));
            return Play(host, service, o, clients);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static RealtimeTrial Play(ServiceHost host, ServiceOptions service, RealtimeBenchmarkOptions o, int clients)
    {
        var players = new List<SimulatedPlayer>();
        try
        {
            for (int i = 0; i < clients; i++) players.Add(new SimulatedPlayer(host.SocketPath, o.Preset, 1, i, o.HostRate, o.BlockFrames));
            double preroll = Preroll(players, service.TargetDepthFrames(o.HostRate), o.Preroll);
            foreach (var player in players) player.Start();

            long generatedBefore = host.Metrics.GeneratedSamples;
            var clock = Stopwatch.StartNew();
            long blocks = (long)(o.Duration.TotalSeconds * o.HostRate / o.BlockFrames);
            var nextHeartbeat = HeartbeatEvery;
            for (long b = 0; b < blocks; b++)
            {
                WaitUntil(clock, TimeSpan.FromSeconds((double)b * o.BlockFrames / o.HostRate));
                foreach (var player in players) player.PlayBlock(b * o.BlockFrames);
                if (clock.Elapsed < nextHeartbeat) continue;
                foreach (var player in players) player.Heartbeat();
                nextHeartbeat += HeartbeatEvery;
            }
            double generated = (host.Metrics.GeneratedSamples - generatedBefore) / (double)ResolvedPreset.ModelSampleRate;
            return new RealtimeTrial(clients, players.Sum(p => p.Underruns), blocks * clients, preroll, generated / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            foreach (var player in players) player.Dispose();
        }
    }

    private static double Preroll(List<SimulatedPlayer> players, int target, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (players.Any(p => p.Buffered < target) && clock.Elapsed < limit) Thread.Sleep(5);
        return clock.Elapsed.TotalSeconds;
    }

    private static void WaitUntil(Stopwatch clock, TimeSpan deadline)
    {
        while (clock.Elapsed < deadline)
        {
            if (deadline - clock.Elapsed > TimeSpan.FromMilliseconds(2)) Thread.Sleep(1);
            else Thread.SpinWait(100);
        }
    }

    /// <summary>Takes at least as long as a trial can play, so every block a client reads had to be generated live.</summary>
    private sealed class LongTakes(ITakeModelSource inner, TimeSpan atLeast) : ITakeModelSource
    {
        public string Device => inner.Device;

        public ResolvedPreset Resolve(string preset) =>
            inner.Resolve(preset) is var p && p.Seconds < atLeast.TotalSeconds ? p with { Seconds = Math.Ceiling(atLeast.TotalSeconds) } : p;

        public IReadOnlyList<int[]> EncodePrimer(ResolvedPreset preset, float[] audio16k) => inner.EncodePrimer(preset, audio16k);
    }
}
