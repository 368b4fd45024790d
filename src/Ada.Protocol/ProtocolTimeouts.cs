namespace Ada.Protocol;

/// <summary>
/// Default liveness timings of both ends: how often the service proves it is alive, and how long a client waits before it
/// treats the service as gone. A client may wait longer; waiting less than a few service periods gives false alarms.
/// </summary>
public static class ProtocolTimeouts
{
    /// <summary>How often the service sends each client a <c>Heartbeat</c> message (its default).</summary>
    public static readonly TimeSpan ServiceHeartbeatInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest the service's ring pump waits between passes, each of which bumps every ring's producer heartbeat.</summary>
    public static readonly TimeSpan RingPumpInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>A client that has received no frame at all for this long (four missed heartbeats) treats the service as hung.</summary>
    public static readonly TimeSpan ServiceSilence = 4 * ServiceHeartbeatInterval;

    /// <summary>
    /// A ring whose producer heartbeat has not moved for this long is stalled (<c>RingReader.IsProducerStalled</c>): fifty pump
    /// periods, so a scheduling hiccup of the service is not mistaken for its death.
    /// </summary>
    public static readonly TimeSpan RingStall = 50 * RingPumpInterval;
}
