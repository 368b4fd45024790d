using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's IBStream: the byte stream getState/setState read and write.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IBStream
{
    /// <summary>IBStream's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0xC3BF6EA2, 0x30994752, 0x9B6BF990, 0x1EE33E9B);

    /// <summary>A vtable dispatching to <see cref="IVstStream"/>, for hosts written in C#.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then read, write, seek, tell.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<IBStream*, void*, int, int*, int> Read;
        public delegate* unmanaged<IBStream*, void*, int, int*, int> Write;
        public delegate* unmanaged<IBStream*, long, int, long*, int> Seek;
        public delegate* unmanaged<IBStream*, long*, int> Tell;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->Read = &ReadEntry;
        v->Write = &WriteEntry;
        v->Seek = &SeekEntry;
        v->Tell = &TellEntry;
        return v;
    }

    private static IVstStream Target(void* self) => ComObject.TargetOf<IVstStream>(self);

    [UnmanagedCallersOnly]
    private static int ReadEntry(IBStream* self, void* buffer, int numBytes, int* numBytesRead)
    {
        try
        {
            if (numBytes < 0 || (numBytes > 0 && buffer == null))
            {
                return TResult.InvalidArgument;
            }
            var result = Target(self).Read(new Span<byte>(buffer, numBytes), out var read);
            if (numBytesRead != null)
            {
                *numBytesRead = read;
            }
            return result;
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IBStream::read");
        }
    }

    [UnmanagedCallersOnly]
    private static int WriteEntry(IBStream* self, void* buffer, int numBytes, int* numBytesWritten)
    {
        try
        {
            if (numBytes < 0 || (numBytes > 0 && buffer == null))
            {
                return TResult.InvalidArgument;
            }
            var result = Target(self).Write(new ReadOnlySpan<byte>(buffer, numBytes), out var written);
            if (numBytesWritten != null)
            {
                *numBytesWritten = written;
            }
            return result;
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IBStream::write");
        }
    }

    [UnmanagedCallersOnly]
    private static int SeekEntry(IBStream* self, long position, int mode, long* result)
    {
        try
        {
            var code = Target(self).Seek(position, mode, out var now);
            if (result != null)
            {
                *result = now;
            }
            return code;
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IBStream::seek");
        }
    }

    [UnmanagedCallersOnly]
    private static int TellEntry(IBStream* self, long* position)
    {
        try
        {
            if (position == null)
            {
                return TResult.InvalidArgument;
            }
            return Target(self).Tell(out *position);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IBStream::tell");
        }
    }
}
