namespace Ada.Audio;

/// <summary>Writes WAV block by block and patches the header on <see cref="Finish"/>; a file target appears atomically only then.</summary>
/// <remarks>Disposing without <see cref="Finish"/> abandons the output: a file target leaves nothing behind.</remarks>
public sealed class WavWriter : IDisposable
{
    const int EncodeBlockSamples = 1 << 14;

    readonly Stream _stream;
    readonly AtomicFile? _file;
    readonly bool _leaveOpen;
    readonly long _origin;
    readonly byte[] _encoded;
    bool _done;

    /// <summary>Writes to a seekable <paramref name="stream"/> starting at its current position.</summary>
    public WavWriter(Stream stream, int sampleRate, int channels, WavEncoding encoding = WavEncoding.Pcm16, bool leaveOpen = false)
        : this(stream, null, sampleRate, channels, encoding, leaveOpen)
    {
    }

    WavWriter(Stream stream, AtomicFile? file, int sampleRate, int channels, WavEncoding encoding, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanWrite)
            throw new ArgumentException("WAV output needs a writable, seekable stream (the header is patched at the end)", nameof(stream));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, WavHeader.MaxSampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, WavHeader.MaxChannels);
        _stream = stream;
        _file = file;
        _leaveOpen = leaveOpen;
        SampleRate = sampleRate;
        Channels = channels;
        Encoding = encoding;
        _encoded = new byte[EncodeBlockSamples * WavSampleCodec.BytesPerSample(encoding)];
        _origin = stream.Position;
        stream.Write(WavHeader.Create(encoding, sampleRate, channels, 0));
    }

    /// <summary>Frames per second.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per frame.</summary>
    public int Channels { get; }

    /// <summary>Sample encoding in the file.</summary>
    public WavEncoding Encoding { get; }

    /// <summary>Frames written so far.</summary>
    public long FrameCount { get; private set; }

    /// <summary>Starts writing <paramref name="path"/> through a temporary file; <paramref name="overwrite"/> false refuses an existing target.</summary>
    public static WavWriter Create(string path, int sampleRate, int channels, WavEncoding encoding = WavEncoding.Pcm16, bool overwrite = true)
    {
        var file = AtomicFile.Create(path, overwrite);
        try
        {
            return new WavWriter(file.Stream, file, sampleRate, channels, encoding, leaveOpen: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Writes a whole buffer to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, AudioBuffer audio, WavEncoding encoding = WavEncoding.Pcm16, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(audio);
        using var writer = Create(path, audio.SampleRate, audio.Channels, encoding, overwrite);
        writer.Write(audio.Samples);
        writer.Finish();
    }

    /// <summary>Appends interleaved frames (T * C samples); integer encodings clip to [-1, 1).</summary>
    public void Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (interleaved.Length % Channels != 0)
            throw new ArgumentException($"{interleaved.Length} samples are not a whole number of {Channels}-channel frames", nameof(interleaved));
        long frames = FrameCount + interleaved.Length / Channels;
        WavHeader.DataBytes(Encoding, Channels, frames);
        int sampleBytes = WavSampleCodec.BytesPerSample(Encoding);
        while (!interleaved.IsEmpty)
        {
            var block = interleaved[..Math.Min(interleaved.Length, EncodeBlockSamples)];
            var bytes = _encoded.AsSpan(0, block.Length * sampleBytes);
            WavSampleCodec.Encode(block, bytes, Encoding);
            _stream.Write(bytes);
            interleaved = interleaved[block.Length..];
        }
        FrameCount = frames;
    }

    /// <summary>Pads the data chunk to even length, writes the final header and, for a file, renames it into place.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if ((WavHeader.DataBytes(Encoding, Channels, FrameCount) & 1) != 0)
            _stream.WriteByte(0);
        long end = _stream.Position;
        _stream.Seek(_origin, SeekOrigin.Begin);
        _stream.Write(WavHeader.Create(Encoding, SampleRate, Channels, FrameCount));
        _stream.Seek(end, SeekOrigin.Begin);
        _stream.Flush();
        _file?.Commit();
        Dispose();
    }

    /// <summary>Releases the output; without a prior <see cref="Finish"/> a file target is deleted.</summary>
    public void Dispose()
    {
        if (_done)
            return;
        _done = true;
        _file?.Dispose();
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
