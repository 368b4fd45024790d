namespace Ada.Service.Generation;

/// <summary>Worker threads that step the scheduler's jobs until it stops; a job that throws fails its takes, never the service.</summary>
internal sealed class RenderWorkers : IDisposable
{
    private readonly RenderScheduler _scheduler;
    private readonly int _block;
    private readonly ServiceMetrics _metrics;
    private readonly Action _generated;
    private readonly Action<string> _log;
    private readonly Thread[] _threads;

    /// <summary>Starts <paramref name="count"/> workers stepping <paramref name="block"/> samples at a time; <paramref name="generated"/> runs after each step.</summary>
    public RenderWorkers(RenderScheduler scheduler, int count, int block, ServiceMetrics metrics, Action generated, Action<string> log)
    {
        _scheduler = scheduler;
        _block = block;
        _metrics = metrics;
        _generated = generated;
        _log = log;
        _threads = Enumerable.Range(0, count)
            .Select(i => new Thread(Run) { IsBackground = true, Name = $"ada-render-{i}", Priority = ThreadPriority.BelowNormal })
            .ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>Stops the scheduler, waits for the workers to finish their current step, then drops the jobs left.</summary>
    public void Dispose()
    {
        _scheduler.Stop();
        foreach (var thread in _threads) thread.Join();
        _scheduler.DisposeJobs();
    }

    private void Run()
    {
        while (_scheduler.Next() is { } job)
        {
            bool failed = false;
            try
            {
                _metrics.AddGenerated(job.Step(_block));
            }
            catch (Exception e)
            {
                failed = true;
                foreach (var take in job.Takes) take.Fail($"generating {take.Spec} failed: {e.Message}");
                _log($"render job failed: {e}");
            }
            finally
            {
                _scheduler.Return(job, failed);
                _generated();
            }
        }
    }
}
