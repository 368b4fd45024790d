namespace AdaPlugin;

/// <summary>What the read-only parameters report about a take source.</summary>
/// <param name="Connected">The generator service is reachable.</param>
/// <param name="BufferedFrames">Frames buffered ahead of the play position.</param>
/// <param name="Underruns">How many reads found the buffer empty since activation.</param>
/// <param name="ModelChanged">The preset's model is not the one the loaded project was saved with (its takes differ).</param>
public readonly record struct TakeSourceStatus(bool Connected, long BufferedFrames, long Underruns, bool ModelChanged = false);
