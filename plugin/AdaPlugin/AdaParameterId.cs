namespace AdaPlugin;

/// <summary>The VST3 parameter ids of AdaPlugin (ParamID = the enum value; also the index in the parameter list).</summary>
public enum AdaParameterId : uint
{
    /// <summary>The generation preset, a list filled from the installed preset files.</summary>
    Preset = 0,

    /// <summary>What a key selects: a variation (seed offset) or a transposition (pitch).</summary>
    NoteMode = 1,

    /// <summary>The key that plays the preset untransposed (pitch mode) or variation 0 (variation mode).</summary>
    RootKey = 2,

    /// <summary>Added to every key's variation number.</summary>
    VariationOffset = 3,

    /// <summary>Sampling temperature of the generator.</summary>
    Temperature = 4,

    /// <summary>Output gain in dB.</summary>
    OutputGain = 5,

    /// <summary>A trigger: its rising edge captures the last Primer-length seconds of the side-chain input.</summary>
    PrimerCapture = 6,

    /// <summary>How many seconds of side-chain a capture keeps.</summary>
    PrimerLength = 7,

    /// <summary>Read-only: whether the generator service is connected.</summary>
    ServiceConnected = 8,

    /// <summary>Read-only: audio buffered ahead of the play position, in milliseconds.</summary>
    BufferDepth = 9,

    /// <summary>Read-only: how many times the service's ring ran dry.</summary>
    Underruns = 10,

    /// <summary>Read-only: the preset now resolves to another model than the one the project was saved with, so its takes differ.</summary>
    ModelChanged = 11,
}
