namespace AdaPlugin;

/// <summary>How a parameter's plain value is shown and parsed.</summary>
public enum ParameterDisplay
{
    /// <summary>A number with a fixed count of decimals.</summary>
    Number,

    /// <summary>One label per step (lists and toggles).</summary>
    Labels,

    /// <summary>A MIDI note name in Steinberg's convention (60 = C3, 69 = A3).</summary>
    NoteName,
}
