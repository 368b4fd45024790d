namespace Ada.Models;

/// <summary>A config file or section is invalid; the message names the key path and the problem.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
