namespace Ada.Service.Streaming;

/// <summary>A take read at the host rate from any take-relative position (silence before 0 and after the end). One owner thread.</summary>
internal interface ITakeStream
{
    /// <summary>The take-relative host sample the next <see cref="Read"/> starts at.</summary>
    long Position { get; }

    /// <summary>The model sample generation must reach for the next read to make progress (the take length past its end).</summary>
    long NeededInput { get; }

    /// <summary>Moves to take-relative host sample <paramref name="position"/> (negative: silence until the take starts).</summary>
    void Seek(long position);

    /// <summary>Writes up to <paramref name="destination"/>.Length consecutive samples; fewer when generation has not got that far.</summary>
    int Read(Span<float> destination);
}
