namespace Ada.Protocol.Messages;

/// <summary>
/// The <see cref="SetParameterMessage"/> ids the service acts on (they are the plug-in's VST3 parameter ids); other
/// ids are remembered and ignored.
/// </summary>
public enum SessionParameter : uint
{
    /// <summary>What a key plays: 0 = its own variation (key + VariationOffset), 1 = the one take, transposed; note-on pre-renders follow it.</summary>
    NoteMode = 1,

    /// <summary>Added to the key's number to give its variation in note mode 0.</summary>
    VariationOffset = 3,

    /// <summary>Multiplies every level's preset temperature for takes armed after it (0.1..2, default 1).</summary>
    Temperature = 4,
}
