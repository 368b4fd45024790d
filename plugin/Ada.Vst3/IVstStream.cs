namespace Ada.Vst3;

/// <summary>Managed behaviour behind IBStream (implemented by hosts; a test host backs it with memory).</summary>
public interface IVstStream
{
    /// <summary>read: copies up to <paramref name="buffer"/>.Length bytes, returning how many in <paramref name="read"/>.</summary>
    int Read(Span<byte> buffer, out int read);

    /// <summary>write.</summary>
    int Write(ReadOnlySpan<byte> buffer, out int written);

    /// <summary>seek (mode 0 = set, 1 = current, 2 = end).</summary>
    int Seek(long position, int mode, out long result);

    /// <summary>tell.</summary>
    int Tell(out long position);
}
