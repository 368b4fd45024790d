using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>An IBStream over a MemoryStream, as hosts pass to getState/setState.</summary>
internal sealed unsafe class HostStream(byte[]? content = null) : HostObject(IBStream.Descriptor), IVstStream
{
    private readonly MemoryStream _stream = content is null ? new MemoryStream() : new MemoryStream(content.ToArray());

    public IBStream* Stream => (IBStream*)Pointer;

    public byte[] ToArray() => _stream.ToArray();

    public long Position => _stream.Position;

    public int Read(Span<byte> buffer, out int read)
    {
        read = _stream.Read(buffer);
        return TResult.Ok;
    }

    public int Write(ReadOnlySpan<byte> buffer, out int written)
    {
        _stream.Write(buffer);
        written = buffer.Length;
        return TResult.Ok;
    }

    public int Seek(long position, int mode, out long result)
    {
        result = _stream.Seek(position, (SeekOrigin)mode);
        return TResult.Ok;
    }

    public int Tell(out long position)
    {
        position = _stream.Position;
        return TResult.Ok;
    }
}
