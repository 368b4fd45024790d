namespace Ada.Protocol.Rings;

/// <summary>
/// Detects a peer that stopped bumping its heartbeat counter, measured on the caller's own clock
/// (no clock is shared between processes, only the counter).
/// </summary>
internal struct HeartbeatWatch
{
    private ulong _lastValue;
    private long _changedAt;
    private bool _started;

    /// <summary>True when <paramref name="value"/> has not changed for more than <paramref name="timeout"/> ticks of the caller's clock.</summary>
    public bool IsStalled(ulong value, long now, long timeout)
    {
        if (!_started || value != _lastValue)
        {
            _started = true;
            _lastValue = value;
            _changedAt = now;
            return false;
        }
        return now - _changedAt > timeout;
    }
}
