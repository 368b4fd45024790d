using Ada.Protocol.Messages;

namespace Ada.Service.Models;

/// <summary>A preset or its model could not be resolved, or a primer not encoded; <see cref="Code"/> is what the client is told.</summary>
public sealed class ModelSourceException(ErrorCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary><see cref="ErrorCode.PresetNotFound"/> or <see cref="ErrorCode.CheckpointMismatch"/> for presets, <see cref="ErrorCode.BadRequest"/> for primers.</summary>
    public ErrorCode Code { get; } = code;
}
