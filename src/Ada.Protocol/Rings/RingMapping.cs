using System.IO.MemoryMappedFiles;

namespace Ada.Protocol.Rings;

/// <summary>A read-write view of a ring file, pinned at a raw pointer for the lifetime of the ring.</summary>
internal sealed unsafe class RingMapping : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private bool _disposed;

    private RingMapping(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        _file = file;
        _view = view;
        Length = length;
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointer = pointer + _view.PointerOffset;
    }

    /// <summary>First byte of the ring header.</summary>
    public byte* Pointer { get; }

    /// <summary>Mapped bytes (header plus data).</summary>
    public long Length { get; }

    /// <summary>Maps the first <paramref name="length"/> bytes of <paramref name="stream"/>, which the mapping then owns.</summary>
    public static RingMapping Map(FileStream stream, long length)
    {
        var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, length, MemoryMappedFileAccess.ReadWrite,
            HandleInheritability.None, leaveOpen: false);
        try
        {
            return new RingMapping(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.ReadWrite), length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The header as a span (for the one-time static-field writes).</summary>
    public Span<byte> Header => new(Pointer, RingLayout.HeaderSize);

    /// <summary>Frames region: (capacity, channels) float32.</summary>
    public float* Data => (float*)(Pointer + RingLayout.HeaderSize);

    /// <summary>Acquire load of a shared u64 counter.</summary>
    public ulong Load(int offset) => Volatile.Read(ref *(ulong*)(Pointer + offset));

    /// <summary>Release store of a shared u64 counter.</summary>
    public void Store(int offset, ulong value) => Volatile.Write(ref *(ulong*)(Pointer + offset), value);

    /// <summary>Unmaps the view and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
