using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's IPluginBase: FUnknown + initialize/terminate, the base of IComponent and IEditController.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IPluginBase
{
    /// <summary>IPluginBase's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x22888DDB, 0x156E45AE, 0x8358B348, 0x08190625);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then initialize and terminate.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<void*, void*, int> Initialize;
        public delegate* unmanaged<void*, int> Terminate;
    }

    /// <summary>Points FUnknown and IPluginBase slots at entry points that dispatch to <see cref="IVstPluginBase"/>.</summary>
    public static void Fill(Vtbl* vtable)
    {
        FUnknown.Fill(&vtable->Unknown);
        vtable->Initialize = &InitializeEntry;
        vtable->Terminate = &TerminateEntry;
    }

    [UnmanagedCallersOnly]
    private static int InitializeEntry(void* self, void* context)
    {
        try
        {
            return ComObject.TargetOf<IVstPluginBase>(self).Initialize(context);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginBase::initialize");
        }
    }

    [UnmanagedCallersOnly]
    private static int TerminateEntry(void* self)
    {
        try
        {
            return ComObject.TargetOf<IVstPluginBase>(self).Terminate();
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginBase::terminate");
        }
    }
}
