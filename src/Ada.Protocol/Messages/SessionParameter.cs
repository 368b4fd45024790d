namespace Ada.Protocol.Messages;

/// <summary>
/// The <see cref="SetParameterMessage"/> ids the service acts on (they are the plug-in's VST3 parameter ids); other
/// ids are remembered and ignored.
/// </summary>
public enum SessionParameter : uint
{
    /// <summary>Multiplies every level's preset temperature for takes armed after it (0.1..2, default 1).</summary>
    Temperature = 4,
}
