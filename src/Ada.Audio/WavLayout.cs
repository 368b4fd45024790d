namespace Ada.Audio;

/// <summary>Where a WAV file's samples are and how they are encoded, as parsed from its chunks.</summary>
internal readonly record struct WavLayout(WavEncoding Encoding, int SampleRate, int Channels, long DataOffset, long DataLength)
{
    public int BlockAlign => Channels * WavSampleCodec.BytesPerSample(Encoding);

    public long FrameCount => DataLength / BlockAlign;
}
