using System.Diagnostics;
using System.Runtime.InteropServices;
using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Protocol.Rings;
using Ada.Protocol.Transport;

namespace Ada.Cli.Tests;

/// <summary>
/// Not a unit test: how long a client (the plugin's view) takes to notice that `ada serve` died or hung, with the default
/// timings (<see cref="ProtocolTimeouts"/>: service heartbeat every 0.5 s, ring pump at least every 5 ms; a client calls the
/// service hung after 2 s without a frame and a ring stalled after 250 ms without a producer heartbeat). Each trial starts
/// a real `ada serve` process on a tiny model, plays a ring the way the audio thread does (a block every ~10 ms, checking
/// <see cref="RingReader.IsProducerStalled"/>), reads the socket the way the plugin's worker does, then SIGKILLs the service
/// (killed) or SIGSTOPs it (hung) and records when each detector fires. Reports; asserts only that every detector fired.
/// Run: <c>dotnet test tests/Ada.Cli.Tests --filter Category=Benchmark</c>.
/// </summary>
[TestFixture]
[Explicit("benchmark: starts `ada serve` processes, seconds per trial, machine-dependent")]
[Category("Benchmark")]
[NonParallelizable]
public class HeartbeatLossBenchmarkTests
{
    const int HostRate = 48_000;
    const int BlockFrames = 512;
    const int Trials = 5;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    const int SigStop = 19;   // Linux (x86-64 and arm64)

    sealed record Detection(TimeSpan? Socket, TimeSpan? Ring);

    [Test]
    public void ReportsHowLongAClientTakesToNoticeAKilledOrHungService()
    {
        var preset = TinyBundle.Create(seconds: 30);   // a take longer than a trial: the service is busy until the end
        var killed = Enumerable.Range(0, Trials).Select(_ => Trial(preset, hang: false)).ToList();
        var hung = Enumerable.Range(0, Trials).Select(_ => Trial(preset, hang: true)).ToList();
        Report("killed (SIGKILL)", "socket closed", killed);
        Report("hung (SIGSTOP)", $"no frame for {ProtocolTimeouts.ServiceSilence.TotalSeconds:0.#} s", hung);
        Assert.That(killed.Concat(hung).All(d => d.Socket is not null && d.Ring is not null), Is.True, "every detector fired");
    }

    static void Report(string what, string socketDetector, List<Detection> trials)
    {
        static string Stats(IEnumerable<TimeSpan> times)
        {
            var ms = times.Select(t => t.TotalMilliseconds).Order().ToArray();
            return ms.Length == 0 ? "never" : $"median {ms[ms.Length / 2]:F0} ms, min {ms[0]:F0} ms, max {ms[^1]:F0} ms";
        }
        TestContext.Progress.WriteLine($"service {what}, {trials.Count} trials:");
        TestContext.Progress.WriteLine($"  socket ({socketDetector}): {Stats(trials.Where(t => t.Socket is not null).Select(t => t.Socket!.Value))}");
        TestContext.Progress.WriteLine($"  ring (IsProducerStalled, {ProtocolTimeouts.RingStall.TotalMilliseconds:0} ms): {Stats(trials.Where(t => t.Ring is not null).Select(t => t.Ring!.Value))}");
    }

    static Detection Trial(string preset, bool hang)
    {
        var dir = Directory.CreateTempSubdirectory("adahb").FullName;
        string socketPath = Path.Combine(dir, "s.sock");
        using var service = StartService(socketPath, Path.GetDirectoryName(preset)!, Path.Combine(dir, "cache"));
        string? ringPath = null;
        try
        {
            using var socket = Connect(socketPath, service);
            var hello = new HelloMessage(ProtocolVersion.Min, ProtocolVersion.Current, ClientKind.Test, "heartbeat benchmark", Environment.ProcessId, HostRate, BlockFrames);
            Check(socket.TryHandshake(hello, Patience, out _, out var error), "handshake", error);
            Check(socket.TrySend(new TransportMessage(false, 120, 0, 0, 4, 4, HostRate), 2, out error), "Transport", error);
            Check(socket.TrySend(new ArmTakeMessage(1, preset, 1, 0, ContentHash.None), 3, out error), "ArmTake", error);
            Check(socket.TryReceive(Patience, out RingAttachedMessage attached, out _, out error), "RingAttached", error);
            ringPath = attached.RingPath;
            Assert.That(RingReader.TryOpen(ringPath, out var ring, out var ringError), Is.True, ringError.ToString());
            using (ring)
            {
                Check(socket.TrySend(new StartMessage(), 4, out error), "Start", error);
                var player = new Player(ring!);
                var watcher = new SocketWatcher(socket);
                watcher.Start();
                // Warm (the ring is filled and read, heartbeats arrive), then signal at a random phase of the heartbeat period.
                player.Run(TimeSpan.FromSeconds(1) + Random.Shared.NextDouble() * ProtocolTimeouts.ServiceHeartbeatInterval);

                long signalled = Stopwatch.GetTimestamp();
                if (hang) Assert.That(kill(service.Id, SigStop), Is.EqualTo(0), $"SIGSTOP failed: errno {Marshal.GetLastPInvokeError()}");
                else service.Kill();
                var ringStall = player.RunUntilStalled(signalled, Patience);
                var socketLoss = watcher.WaitForLoss(signalled, Patience);
                return new Detection(socketLoss, ringStall);
            }
        }
        finally
        {
            if (!service.HasExited) service.Kill();   // also ends a stopped process
            service.WaitForExit();
            if (ringPath is not null) File.Delete(ringPath);   // a killed service cannot delete its ring
            Directory.Delete(dir, recursive: true);
        }
    }

    static Process StartService(string socketPath, string presets, string cache)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "ada.dll"), "serve", "--socket", socketPath, "--presets", presets,
                     "--cache", cache, "--idle-minutes", "1" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start ada serve");
        process.ErrorDataReceived += (_, _) => { };   // drained so the service never blocks on a full pipe
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    static ProtocolSocket Connect(string socketPath, Process service)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (ProtocolSocket.TryConnect(socketPath, TimeSpan.FromSeconds(1), out var socket, out var error)) return socket;
            Assert.That(service.HasExited, Is.False, $"ada serve exited with {(service.HasExited ? service.ExitCode : 0)}");
            Assert.That(clock.Elapsed, Is.LessThan(Patience), $"ada serve did not listen: {error}");
            Thread.Sleep(50);
        }
    }

    static void Check(bool ok, string step, ProtocolError error) => Assert.That(ok, Is.True, $"{step}: {error}");

    /// <summary>The audio thread's view: one ReadAt per block, its own clock, the producer heartbeat watched.</summary>
    sealed class Player(RingReader ring)
    {
        static readonly long StallTicks = (long)(ProtocolTimeouts.RingStall.TotalSeconds * Stopwatch.Frequency);
        static readonly TimeSpan Block = TimeSpan.FromSeconds((double)BlockFrames / HostRate);
        readonly float[] _block = new float[BlockFrames * 2];
        long _position;

        public void Run(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration) Step();
        }

        public TimeSpan? RunUntilStalled(long since, TimeSpan patience)
        {
            while (Stopwatch.GetElapsedTime(since) < patience)
                if (Step()) return Stopwatch.GetElapsedTime(since);
            return null;
        }

        /// <summary>Plays one block; true when the producer counts as stalled.</summary>
        bool Step()
        {
            ring.ReadAt(_position, _block);
            ring.Heartbeat();
            _position += BlockFrames;
            bool stalled = ring.IsProducerStalled(Stopwatch.GetTimestamp(), StallTicks);
            Thread.Sleep(Block);
            return stalled;
        }
    }

    /// <summary>The plugin worker's view: reads every frame, notes the time of the last one, and sees the socket close.</summary>
    sealed class SocketWatcher(ProtocolSocket socket)
    {
        readonly TaskCompletionSource<long> _lost = new();
        long _lastFrame = Stopwatch.GetTimestamp();

        public void Start() => new Thread(Watch) { IsBackground = true, Name = "heartbeat-watch" }.Start();

        public TimeSpan? WaitForLoss(long since, TimeSpan patience) =>
            _lost.Task.Wait(patience) ? Stopwatch.GetElapsedTime(since, _lost.Task.Result) : null;

        void Watch()
        {
            while (true)
            {
                if (socket.TryReceive(TimeSpan.FromMilliseconds(20), out _, out var error)) _lastFrame = Stopwatch.GetTimestamp();
                else if (error.Code != ProtocolErrorCode.Timeout || Stopwatch.GetElapsedTime(_lastFrame) > ProtocolTimeouts.ServiceSilence) break;
            }
            _lost.SetResult(Stopwatch.GetTimestamp());
        }
    }
}
