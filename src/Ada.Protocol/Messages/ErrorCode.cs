namespace Ada.Protocol.Messages;

/// <summary>Why a request failed, as carried by <see cref="ErrorMessage"/>.</summary>
public enum ErrorCode : ushort
{
    /// <summary>The request was malformed or not allowed in the current state.</summary>
    BadRequest = 1,
    /// <summary>No common protocol version.</summary>
    UnsupportedVersion = 2,
    /// <summary>The named preset does not exist or cannot be read.</summary>
    PresetNotFound = 3,
    /// <summary>The checkpoint on disk does not have the expected hash.</summary>
    CheckpointMismatch = 4,
    /// <summary>The take refers to a primer the service has not received.</summary>
    PrimerMissing = 5,
    /// <summary>The shared-memory ring could not be created or opened.</summary>
    RingUnavailable = 6,
    /// <summary>The service is at capacity (rings, voices, memory).</summary>
    Busy = 7,
    /// <summary>An unexpected failure inside the service.</summary>
    Internal = 8,
}
