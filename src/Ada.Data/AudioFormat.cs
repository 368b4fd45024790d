namespace Ada.Data;

/// <summary>The one audio format every recipe produces: 16 kHz mono signed 16-bit PCM WAV.</summary>
public static class AudioFormat
{
    /// <summary>Samples per second.</summary>
    public const int SampleRate = 16000;

    /// <summary>Bytes per sample (PCM16, mono).</summary>
    public const int BytesPerSample = 2;
}
