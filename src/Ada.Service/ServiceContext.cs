using Ada.Service.Generation;
using Ada.Service.Models;
using Ada.Service.Sessions;
using Ada.Service.Streaming;
using Ada.Service.Takes;

namespace Ada.Service;

/// <summary>The parts every session shares, created by <see cref="ServiceHost"/>.</summary>
internal sealed class ServiceContext(ServiceOptions options, ITakeModelSource models, ServiceMetrics metrics,
    RenderScheduler scheduler, TakeCache takes, RingPump pump, PrimerStore primers, PrimerEncodings primerEncodings, Action<string> log)
{
    /// <summary>The configuration.</summary>
    public ServiceOptions Options { get; } = options;

    /// <summary>Preset resolution.</summary>
    public ITakeModelSource Models { get; } = models;

    /// <summary>Counters.</summary>
    public ServiceMetrics Metrics { get; } = metrics;

    /// <summary>Generation scheduling.</summary>
    public RenderScheduler Scheduler { get; } = scheduler;

    /// <summary>The take cache.</summary>
    public TakeCache Takes { get; } = takes;

    /// <summary>The ring pump.</summary>
    public RingPump Pump { get; } = pump;

    /// <summary>Primers received from any client.</summary>
    public PrimerStore Primers { get; } = primers;

    /// <summary>Primers encoded into model codes, per model.</summary>
    public PrimerEncodings PrimerEncodings { get; } = primerEncodings;

    /// <summary>Log sink (never null).</summary>
    public Action<string> Log { get; } = log;
}
