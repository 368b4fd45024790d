namespace Ada.Service;

/// <summary>Why a service instance stopped.</summary>
public enum ServiceExitReason
{
    /// <summary><see cref="ServiceHost.Stop"/> was called (e.g. Ctrl+C in <c>ada serve</c>).</summary>
    Stopped,
    /// <summary>No client was attached for the idle-shutdown timeout.</summary>
    Idle,
}
