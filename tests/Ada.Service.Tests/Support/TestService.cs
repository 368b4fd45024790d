using System.Collections.Concurrent;
using Ada.Service.Models;

namespace Ada.Service.Tests.Support;

/// <summary>A service instance in a temp folder (socket, rings, cache) with test-sized settings.</summary>
public sealed class TestService : IDisposable
{
    private readonly TempDir? _ownedDir;

    public TestService(ITakeModelSource? models = null, Func<ServiceOptions, ServiceOptions>? configure = null, TempDir? dir = null)
    {
        _ownedDir = dir is null ? new TempDir() : null;
        Dir = dir ?? _ownedDir!;
        var options = new ServiceOptions
        {
            SocketPath = Dir.Sub("s.sock"),
            RingDirectory = Dir.Sub("rings"),
            CacheFolder = Dir.Sub("cache"),
            IdleShutdown = Timeout.InfiniteTimeSpan,
            Workers = 2,
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            RingTargetDepth = TimeSpan.FromMilliseconds(50),
            CacheChunkSamples = 1000,
            GenerationBlock = 800,
            Log = Log.Enqueue,
        };
        Options = configure?.Invoke(options) ?? options;
        Host = ServiceHost.Start(Options, models ?? TinyModelSource.Default());
    }

    public TempDir Dir { get; }

    public ServiceOptions Options { get; }

    public ServiceHost Host { get; }

    public ServiceMetrics Metrics => Host.Metrics;

    public ConcurrentQueue<string> Log { get; } = new();

    public TestClient Connect(double hostRate = 44_100) => TestClient.Connect(Host.SocketPath, hostRate);

    public void Dispose()
    {
        Host.Dispose();
        _ownedDir?.Dispose();
    }
}
