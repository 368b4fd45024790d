using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IParameterChanges: one queue per parameter that changes in a block.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IParameterChanges
{
    /// <summary>IParameterChanges' id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0xA4779663, 0x0BB64A56, 0xB44384A8, 0x466FEB9D);

    /// <summary>A vtable dispatching to <see cref="IVstParameterChanges"/>, for hosts written in C#.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then getParameterCount, getParameterData, addParameterData.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<IParameterChanges*, int> GetParameterCount;
        public delegate* unmanaged<IParameterChanges*, int, IParamValueQueue*> GetParameterData;
        public delegate* unmanaged<IParameterChanges*, uint*, int*, IParamValueQueue*> AddParameterData;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->GetParameterCount = &GetParameterCountEntry;
        v->GetParameterData = &GetParameterDataEntry;
        v->AddParameterData = &AddParameterDataEntry;
        return v;
    }

    private static IVstParameterChanges Target(void* self) => ComObject.TargetOf<IVstParameterChanges>(self);

    [UnmanagedCallersOnly]
    private static int GetParameterCountEntry(IParameterChanges* self)
    {
        try
        {
            return Target(self).GetParameterCount();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IParameterChanges::getParameterCount");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static IParamValueQueue* GetParameterDataEntry(IParameterChanges* self, int index)
    {
        try
        {
            return (IParamValueQueue*)Target(self).GetParameterData(index);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IParameterChanges::getParameterData");
            return null;
        }
    }

    [UnmanagedCallersOnly]
    private static IParamValueQueue* AddParameterDataEntry(IParameterChanges* self, uint* id, int* index)
    {
        try
        {
            return id == null || index == null ? null : (IParamValueQueue*)Target(self).AddParameterData(*id, out *index);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IParameterChanges::addParameterData");
            return null;
        }
    }
}
