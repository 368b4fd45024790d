using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Ada.Protocol.Transport;
using Ada.Service.Generation;
using Ada.Service.Models;
using Ada.Service.Sessions;
using Ada.Service.Streaming;
using Ada.Service.Takes;

namespace Ada.Service;

/// <summary>
/// The generator service: listens on the socket, serves each client on its own thread, renders takes with background
/// workers into the take cache, feeds the rings from one pump thread, and stops on request or after the idle timeout.
/// </summary>
/// <remarks>
/// <c>ada serve</c> calls <see cref="Run"/> with the checkpoint-backed model source; tests and benchmarks use <see cref="Start"/> with their own.
/// Binding fails (IOException) while another live service owns the socket; on start, ring files of dead services are removed.
/// </remarks>
public sealed class ServiceHost : IDisposable
{
    private static readonly TimeSpan AcceptPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ClientJoinTimeout = TimeSpan.FromSeconds(5);
    private readonly ServiceOptions _options;
    private readonly ProtocolListener _listener;
    private readonly ServiceContext _ctx;
    private readonly RenderWorkers _workers;
    private readonly ConcurrentDictionary<ClientConnection, Thread> _clients = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<ServiceExitReason> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextClient;
    private long _idleSince = Stopwatch.GetTimestamp();
    private bool _disposed;

    private ServiceHost(ServiceOptions options, ITakeModelSource models, ProtocolListener listener)
    {
        _options = options;
        _listener = listener;
        var log = options.Log ?? (_ => { });
        Metrics = new ServiceMetrics();
        Metrics.AddStaleRingsRemoved(StaleRings.Sweep(options.RingDirectory, log));
        var scheduler = new RenderScheduler(options.MaxBatch, options.BatchMergeSamples, Metrics);
        var pump = new RingPump(log);
        _ctx = new ServiceContext(options, models, Metrics, scheduler, new TakeCache(options, scheduler, Metrics, log), pump, new PrimerStore(),
            new PrimerEncodings(models), log);
        _workers = new RenderWorkers(scheduler, options.Workers, options.GenerationBlock, Metrics, pump.Wake, log);
        new Thread(AcceptLoop) { IsBackground = true, Name = "ada-accept" }.Start();
        log($"ada service listening on {options.SocketPath} ({models.Device}, {options.Workers} workers, cache {(options.CacheFolder is { } cache ? $"{cache}, {options.DiskCacheBytes >> 20} MiB budget" : "memory only")})");
    }

    /// <summary>The socket the service listens on.</summary>
    public string SocketPath => _listener.Path;

    /// <summary>Counters (generation, cache, clients).</summary>
    public ServiceMetrics Metrics { get; }

    /// <summary>The shared parts (for tests).</summary>
    internal ServiceContext Context => _ctx;

    /// <summary>Completes when the service has stopped and released everything (rings deleted, socket removed).</summary>
    public Task<ServiceExitReason> Completion => _completion.Task;

    /// <summary>
    /// Binds <paramref name="options"/>' socket and starts serving with <paramref name="models"/>. Throws
    /// <see cref="ArgumentException"/> for invalid options and <see cref="IOException"/> when a live service owns the socket.
    /// </summary>
    public static ServiceHost Start(ServiceOptions options, ITakeModelSource models)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        options.Validate();
        var listener = ProtocolListener.Bind(options.SocketPath);
        try
        {
            return new ServiceHost(options, models, listener);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The <c>ada serve</c> entry point: serves presets through <paramref name="models"/> (the CLI passes Ada.Service.Models'
    /// PresetModelSource over <see cref="ServiceOptions.PresetsFolder"/>) until <paramref name="cancellation"/> fires or the
    /// idle timeout passes. Throws like <see cref="Start"/>.
    /// </summary>
    public static ServiceExitReason Run(ServiceOptions options, ITakeModelSource models, CancellationToken cancellation)
    {
        using var host = Start(options, models);
        using var registration = cancellation.Register(host.Stop);
        return host.Completion.GetAwaiter().GetResult();
    }

    /// <summary>Asks the service to stop (returns at once; await <see cref="Completion"/>).</summary>
    public void Stop()
    {
        lock (_stop) if (!_disposed) _stop.Cancel();
    }

    /// <summary>Stops and waits until everything is released.</summary>
    public void Dispose()
    {
        Stop();
        Completion.GetAwaiter().GetResult();
        lock (_stop)
        {
            if (_disposed) return;
            _disposed = true;
            _stop.Dispose();
        }
    }

    private void AcceptLoop()
    {
        var reason = ServiceExitReason.Stopped;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _ctx.Takes.RefreshDiskLeases();
                if (Accept() is { } socket)
                {
                    StartClient(socket);
                    continue;
                }
                if (_clients.IsEmpty && _options.IdleShutdown != Timeout.InfiniteTimeSpan
                    && Stopwatch.GetElapsedTime(Interlocked.Read(ref _idleSince)) > _options.IdleShutdown)
                {
                    reason = ServiceExitReason.Idle;
                    _ctx.Log($"no client for {_options.IdleShutdown}; stopping");
                    break;
                }
            }
        }
        finally
        {
            Shutdown();
            _completion.TrySetResult(reason);
        }
    }

    private ProtocolSocket? Accept()
    {
        try
        {
            return _listener.Accept(AcceptPoll, _options.SendTimeout);
        }
        catch (SocketException e)
        {
            _ctx.Log($"accepting a client failed: {e.SocketErrorCode} ({e.Message})");
            Thread.Sleep(AcceptPoll); // E.g. out of file descriptors: back off instead of spinning.
            return null;
        }
    }

    private void StartClient(ProtocolSocket socket)
    {
        var connection = new ClientConnection(Interlocked.Increment(ref _nextClient), socket, _ctx);
        var thread = new Thread(() => Serve(connection)) { IsBackground = true, Name = $"ada-client-{connection.Id}" };
        _clients[connection] = thread;
        Metrics.ClientConnected();
        thread.Start();
    }

    private void Serve(ClientConnection connection)
    {
        try
        {
            connection.Run();
        }
        catch (Exception e)
        {
            _ctx.Log($"client {connection.Id}: connection thread failed: {e}"); // Run already released its state.
        }
        finally
        {
            // Stamp before removing, so the accept loop never sees no clients with an old stamp.
            Interlocked.Exchange(ref _idleSince, Stopwatch.GetTimestamp());
            _clients.TryRemove(connection, out _);
            Metrics.ClientDisconnected();
        }
    }

    private void Shutdown()
    {
        _listener.Dispose();
        foreach (var connection in _clients.Keys) connection.Close();
        foreach (var thread in _clients.Values) thread.Join(ClientJoinTimeout);
        _workers.Dispose();
        _ctx.Pump.Dispose();
        _ctx.Log("ada service stopped");
    }
}
