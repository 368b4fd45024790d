using Ada.Service.Takes;

namespace Ada.Service.Generation;

/// <summary>
/// Decides what the workers generate next: the most urgent job first (a starving played take before a comfortably
/// buffered one, before armed-but-stopped takes, before pre-renders), and among equals the client served longest ago
/// (round robin). Pending takes of the same model and settings are batched into one job.
/// </summary>
internal sealed class RenderScheduler(int maxBatch, int mergeSamples, ServiceMetrics metrics)
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);
    private readonly object _gate = new();
    private readonly List<TakeAudio> _pending = [];
    private readonly List<RenderJob> _jobs = [];
    private readonly Dictionary<int, long> _lastServed = [];
    private long _ticket;
    private bool _stopped;

    /// <summary>Jobs waiting or running (for tests and status).</summary>
    public int JobCount
    {
        get { lock (_gate) return _jobs.Count; }
    }

    /// <summary>Queues an incomplete take for generation unless it already has a job (or failed).</summary>
    public void Enqueue(TakeAudio take)
    {
        lock (_gate)
        {
            if (_stopped || take.HasJob || take.IsComplete || take.Error is not null || !take.TryStartJob()) return;
            _pending.Add(take);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Blocks until a job should be stepped and marks it running; null once stopped. The caller steps it outside the
    /// lock and hands it back with <see cref="Return"/>.
    /// </summary>
    public RenderJob? Next()
    {
        lock (_gate)
        {
            while (!_stopped)
            {
                FormJobs();
                if (Pick() is { } job) return job;
                Monitor.Wait(_gate, IdleWait);
            }
            return null;
        }
    }

    /// <summary>Hands back a stepped job; finished and failed jobs are removed.</summary>
    public void Return(RenderJob job, bool failed)
    {
        lock (_gate)
        {
            job.Running = false;
            if (failed || job.IsDone)
            {
                Remove(job);
                if (!failed) metrics.AddTakesCompleted(job.Takes.Count);
            }
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Wakes every waiting worker with null.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Drops every job and pending take left after <see cref="Stop"/>, once no worker steps any (their samplers and model leases may hold device memory).</summary>
    public void DisposeJobs()
    {
        lock (_gate)
        {
            foreach (var job in _jobs.ToArray()) Remove(job);
            foreach (var take in _pending) take.EndJob();
            _pending.Clear();
        }
    }

    private void FormJobs()
    {
        foreach (var take in _pending)
        {
            var joinable = _jobs.FirstOrDefault(j => !j.Running && j.BatchKey == take.Spec.BatchKey && j.Takes.Count < maxBatch
                                                      && j.Position <= mergeSamples && Urgency(j).Urgency != TakeUrgency.Starving);
            if (joinable is not null) joinable.Add(take);
            else _jobs.Add(new RenderJob(take));
        }
        _pending.Clear();
    }

    private RenderJob? Pick()
    {
        RenderJob? best = null;
        (TakeUrgency Urgency, long ClientServed, long JobServed, int Client) bestKey = default;
        foreach (var job in _jobs.ToArray())
        {
            if (job.Running) continue;
            var (urgency, client) = Urgency(job);
            if (urgency == TakeUrgency.None)
            {
                Remove(job); // Every interested client left: cancel.
                continue;
            }
            // Round robin twice over: between clients, then between one client's jobs.
            var key = (urgency, _lastServed.GetValueOrDefault(client, -1), job.LastServed, client);
            if (best is null || key.CompareTo(bestKey) < 0) (best, bestKey) = (job, key);
        }
        if (best is null) return null;
        best.Running = true;
        best.LastServed = _lastServed[bestKey.Client] = ++_ticket;
        return best;
    }

    private static (TakeUrgency Urgency, int Client) Urgency(RenderJob job)
    {
        var best = (Urgency: TakeUrgency.None, Client: -1);
        foreach (var take in job.Takes)
            if (take.MostUrgent() is var u && u.Urgency < best.Urgency) best = u;
        return best;
    }

    private void Remove(RenderJob job)
    {
        _jobs.Remove(job);
        job.Dispose();
        foreach (var take in job.Takes) take.EndJob();
    }
}
