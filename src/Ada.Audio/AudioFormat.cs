namespace Ada.Audio;

/// <summary>Container formats the reader understands, detected from the file's first bytes.</summary>
public enum AudioFormat
{
    /// <summary>RIFF/WAVE with PCM or IEEE float samples.</summary>
    Wav,

    /// <summary>Ogg container with a Vorbis stream.</summary>
    OggVorbis,

    /// <summary>MPEG-1/2 audio (layer I, II or III), optionally behind an ID3v2 tag.</summary>
    Mp3,
}
