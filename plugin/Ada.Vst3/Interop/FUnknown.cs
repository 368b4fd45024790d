using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's FUnknown: queryInterface, addRef, release — the first three slots of every vtable.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FUnknown
{
    /// <summary>FUnknown's id (COM's IUnknown).</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x00000000, 0x00000000, 0xC0000000, 0x00000046);

    public Vtbl* Vtable;

    /// <summary>The three FUnknown slots.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public delegate* unmanaged<void*, Tuid*, void**, int> QueryInterface;
        public delegate* unmanaged<void*, uint> AddRef;
        public delegate* unmanaged<void*, uint> Release;
    }

    /// <summary>Points the FUnknown slots of a vtable we build at the <see cref="ComObject"/> implementation.</summary>
    public static void Fill(Vtbl* vtable)
    {
        vtable->QueryInterface = &QueryInterfaceEntry;
        vtable->AddRef = &AddRefEntry;
        vtable->Release = &ReleaseEntry;
    }

    /// <summary>Calls queryInterface on any native object, returning null where the interface is missing.</summary>
    public static void* Query(void* obj, in Tuid iid)
    {
        if (obj == null)
        {
            return null;
        }
        void* result = null;
        var id = iid;
        var unknown = (FUnknown*)obj;
        return unknown->Vtable->QueryInterface(obj, &id, &result) == TResult.Ok ? result : null;
    }

    /// <summary>Adds a reference to any native object (null is ignored).</summary>
    public static void AddRef(void* obj)
    {
        if (obj != null)
        {
            ((FUnknown*)obj)->Vtable->AddRef(obj);
        }
    }

    /// <summary>Releases a reference of any native object (null is ignored); returns the new count.</summary>
    public static uint Release(void* obj) => obj == null ? 0 : ((FUnknown*)obj)->Vtable->Release(obj);

    [UnmanagedCallersOnly]
    private static int QueryInterfaceEntry(void* self, Tuid* iid, void** obj)
    {
        try
        {
            if (obj == null)
            {
                return TResult.InvalidArgument;
            }
            if (iid == null)
            {
                *obj = null;
                return TResult.InvalidArgument;
            }
            return ComObject.FromPointer(self).QueryInterface(Tuid.Read(iid), obj);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "FUnknown::queryInterface");
        }
    }

    [UnmanagedCallersOnly]
    private static uint AddRefEntry(void* self)
    {
        try
        {
            return ComObject.FromPointer(self).AddRef();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "FUnknown::addRef");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static uint ReleaseEntry(void* self)
    {
        try
        {
            return ComObject.FromPointer(self).Release();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "FUnknown::release");
            return 0;
        }
    }
}
