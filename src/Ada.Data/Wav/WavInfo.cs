namespace Ada.Data;

/// <summary>Where the PCM16 samples of a validated 16 kHz mono WAV file lie.</summary>
/// <param name="DataOffset">Byte offset of the first sample in the file.</param>
/// <param name="SampleCount">Number of samples in the data chunk.</param>
public sealed record WavInfo(long DataOffset, long SampleCount);
