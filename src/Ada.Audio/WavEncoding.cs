namespace Ada.Audio;

/// <summary>Sample encodings of a WAV file (all little-endian, integer PCM is signed except 8-bit).</summary>
public enum WavEncoding
{
    /// <summary>8-bit unsigned integer PCM (128 = silence).</summary>
    Pcm8,

    /// <summary>16-bit signed integer PCM.</summary>
    Pcm16,

    /// <summary>24-bit signed integer PCM (packed, 3 bytes per sample).</summary>
    Pcm24,

    /// <summary>32-bit signed integer PCM.</summary>
    Pcm32,

    /// <summary>32-bit IEEE float.</summary>
    Float32,
}
