using Ada.Protocol.Messages;

namespace Ada.Service.Sessions;

/// <summary>A request the service refuses; the connection answers it with an Error of <see cref="Code"/> and carries on.</summary>
internal sealed class RequestException(ErrorCode code, string message) : Exception(message)
{
    /// <summary>What the client is told.</summary>
    public ErrorCode Code { get; } = code;
}
