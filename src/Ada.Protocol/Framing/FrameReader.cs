namespace Ada.Protocol.Framing;

/// <summary>
/// Accumulates bytes from a stream and cuts them into frames. The buffer is allocated once at the size of
/// the largest frame; a header announcing a larger payload is rejected as soon as its 16 bytes arrive.
/// After any framing error the reader is faulted for good: a byte stream cannot be resynchronised safely.
/// </summary>
public sealed class FrameReader
{
    private readonly byte[] _buffer;
    private readonly int _maxPayload;
    private int _start;
    private int _end;
    private ProtocolError _fault = ProtocolError.None;

    /// <summary>A reader that accepts payloads of up to <paramref name="maxPayload"/> bytes.</summary>
    public FrameReader(int maxPayload = ProtocolLimits.MaxPayloadSize)
    {
        if (maxPayload is < 0 or > ProtocolLimits.MaxPayloadSize)
            throw new ArgumentOutOfRangeException(nameof(maxPayload), maxPayload, $"Must be 0..{ProtocolLimits.MaxPayloadSize}.");
        _maxPayload = maxPayload;
        _buffer = new byte[ProtocolLimits.HeaderSize + maxPayload];
    }

    /// <summary>True after a framing error; every later read returns that error.</summary>
    public bool IsFaulted => _fault.IsError;

    /// <summary>Bytes received but not yet returned as frames.</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>
    /// Free space to receive into (e.g. <c>socket.Receive(reader.GetReceiveBuffer())</c>), then call <see cref="Advance"/>.
    /// Empty only while a complete frame is waiting to be read.
    /// </summary>
    public Span<byte> GetReceiveBuffer()
    {
        if (_end == _buffer.Length && _start > 0) Compact();
        return _buffer.AsSpan(_end);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the receive buffer as filled.</summary>
    public void Advance(int count)
    {
        if (count < 0 || count > _buffer.Length - _end)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Must be 0..{_buffer.Length - _end} (the receive buffer's length).");
        _end += count;
    }

    /// <summary>Copies as much of <paramref name="data"/> as fits; returns the bytes taken (read frames out, then append the rest).</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        var space = GetReceiveBuffer();
        int count = Math.Min(space.Length, data.Length);
        data[..count].CopyTo(space);
        _end += count;
        return count;
    }

    /// <summary>Returns the next complete frame if one is buffered; never throws on malformed bytes.</summary>
    public FrameReadStatus TryReadFrame(out Frame frame, out ProtocolError error)
    {
        frame = default;
        error = _fault;
        if (IsFaulted) return FrameReadStatus.Error;
        if (BufferedBytes < ProtocolLimits.HeaderSize) return FrameReadStatus.NeedMoreData;

        if (!FrameHeader.TryRead(_buffer.AsSpan(_start, ProtocolLimits.HeaderSize), out var header, out error, _maxPayload))
        {
            _fault = error;
            return FrameReadStatus.Error;
        }
        int frameSize = ProtocolLimits.HeaderSize + (int)header.PayloadLength;
        if (BufferedBytes < frameSize) return FrameReadStatus.NeedMoreData;

        frame = new Frame(header, _buffer.AsSpan(_start + ProtocolLimits.HeaderSize, (int)header.PayloadLength).ToArray());
        _start += frameSize;
        if (_start == _end) _start = _end = 0;
        return FrameReadStatus.Frame;
    }

    private void Compact()
    {
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _end -= _start;
        _start = 0;
    }
}
