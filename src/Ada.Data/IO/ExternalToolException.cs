namespace Ada.Data;

/// <summary>An external program (sox, fluidsynth, dpkg, apt-get) was missing or failed.</summary>
public sealed class ExternalToolException(string message, Exception? inner = null) : Exception(message, inner);
