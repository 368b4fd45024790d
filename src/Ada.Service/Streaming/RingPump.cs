using System.Collections.Concurrent;
using Ada.Protocol;

namespace Ada.Service.Streaming;

/// <summary>
/// One thread that tops up every ring and bumps its heartbeat: woken when generation produced audio or a client
/// seeked, and at least every <see cref="Interval"/>. A feeder that throws is logged and dropped, the others go on.
/// </summary>
internal sealed class RingPump : IDisposable
{
    /// <summary>Longest sleep between passes (the ring heartbeat period when nothing else happens).</summary>
    public static readonly TimeSpan Interval = ProtocolTimeouts.RingPumpInterval;

    private readonly ConcurrentDictionary<RingFeeder, byte> _feeders = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Action<string> _log;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Starts the pump thread.</summary>
    public RingPump(Action<string> log)
    {
        _log = log;
        _thread = new Thread(Run) { IsBackground = true, Name = "ada-ring-pump", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Starts feeding <paramref name="feeder"/>.</summary>
    public void Add(RingFeeder feeder)
    {
        _feeders.TryAdd(feeder, 0);
        Wake();
    }

    /// <summary>Stops feeding <paramref name="feeder"/> (the caller disposes it).</summary>
    public void Remove(RingFeeder feeder) => _feeders.TryRemove(feeder, out _);

    /// <summary>Runs a pass now rather than at the next interval.</summary>
    public void Wake() => _wake.Set();

    /// <summary>Stops the thread (feeders stay with their sessions, which dispose them).</summary>
    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _thread.Join();
        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            foreach (var feeder in _feeders.Keys)
            {
                try
                {
                    feeder.Pump();
                }
                catch (Exception e)
                {
                    _feeders.TryRemove(feeder, out _);
                    _log($"ring {feeder.Writer.Path}: feeding failed, the ring is no longer fed: {e}");
                }
            }
            _wake.WaitOne(Interval);
        }
    }
}
