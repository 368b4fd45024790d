namespace Ada.Data;

/// <summary>What a recipe wrote for one piece (paths relative to the recipe folder).</summary>
/// <param name="Wav">The 16 kHz mono PCM16 WAV.</param>
/// <param name="Midi">The MIDI that was rendered, or null.</param>
/// <param name="Samples">Samples in the WAV.</param>
/// <param name="TrimStartSamples">Leading samples trimmed from the render, or null when the recipe does not trim.</param>
public sealed record ConvertedAudio(string Wav, string? Midi, long Samples, long? TrimStartSamples);
