namespace Ada.Service.Takes;

/// <summary>An interest whose urgency never changes (pre-renders).</summary>
internal sealed class FixedInterest(int clientId, TakeUrgency urgency) : ITakeInterest
{
    /// <inheritdoc />
    public int ClientId { get; } = clientId;

    /// <inheritdoc />
    public TakeUrgency UrgencyFor(TakeAudio take) => urgency;
}
