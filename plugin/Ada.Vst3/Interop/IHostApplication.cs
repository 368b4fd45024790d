using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IHostApplication: the usual context passed to initialize.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IHostApplication
{
    /// <summary>IHostApplication's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x58E595CC, 0xDB2D4969, 0x8B6AAF8C, 0x36A664E5);

    /// <summary>A vtable dispatching to <see cref="IVstHostApplication"/>, for hosts written in C#.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then getName, createInstance.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<IHostApplication*, char*, int> GetName;
        public delegate* unmanaged<IHostApplication*, Tuid*, Tuid*, void**, int> CreateInstance;
    }

    /// <summary>The host's name, or null if the context is not an IHostApplication or does not answer.</summary>
    public static string? NameOf(void* context)
    {
        var host = (IHostApplication*)FUnknown.Query(context, Iid);
        if (host == null)
        {
            return null;
        }
        try
        {
            var name = new String128();
            var ok = host->Vtable->GetName(host, (char*)&name) == TResult.Ok;
            return ok ? name.ToString() : null;
        }
        finally
        {
            FUnknown.Release(host);
        }
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->GetName = &GetNameEntry;
        v->CreateInstance = &CreateInstanceEntry;
        return v;
    }

    private static IVstHostApplication Target(void* self) => ComObject.TargetOf<IVstHostApplication>(self);

    [UnmanagedCallersOnly]
    private static int GetNameEntry(IHostApplication* self, char* name)
    {
        try
        {
            return name == null ? TResult.InvalidArgument : Target(self).GetName(new Span<char>(name, String128.Length));
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IHostApplication::getName");
        }
    }

    [UnmanagedCallersOnly]
    private static int CreateInstanceEntry(IHostApplication* self, Tuid* classId, Tuid* interfaceId, void** instance)
    {
        try
        {
            if (instance == null || classId == null || interfaceId == null)
            {
                return TResult.InvalidArgument;
            }
            return Target(self).CreateInstance(Tuid.Read(classId), Tuid.Read(interfaceId), instance);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IHostApplication::createInstance");
        }
    }
}
