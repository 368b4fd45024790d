namespace Ada.Models;

/// <summary>A checkpoint cannot be used; the one-line message starts with "checkpoint PATH:" and says why.</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
