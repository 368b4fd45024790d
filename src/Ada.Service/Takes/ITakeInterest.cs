namespace Ada.Service.Takes;

/// <summary>Someone who needs a take rendered: a ring feeder or a pre-render. Read by the scheduler; must not block.</summary>
internal interface ITakeInterest
{
    /// <summary>The client it belongs to (for round-robin fairness).</summary>
    int ClientId { get; }

    /// <summary>How urgently it needs <paramref name="take"/> generated now.</summary>
    TakeUrgency UrgencyFor(TakeAudio take);
}
