using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IProcessContextRequirements: tells the host which ProcessContext fields to fill.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IProcessContextRequirements
{
    /// <summary>IProcessContextRequirements' id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x2A654303, 0xEF764E3D, 0x95B5FE83, 0x730EF6D0);

    /// <summary>The vtable.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then getProcessContextRequirements.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<void*, uint> GetProcessContextRequirements;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->GetProcessContextRequirements = &GetProcessContextRequirementsEntry;
        return v;
    }

    [UnmanagedCallersOnly]
    private static uint GetProcessContextRequirementsEntry(void* self)
    {
        try
        {
            return (uint)ComObject.TargetOf<IVstProcessContextRequirements>(self).GetProcessContextRequirements();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IProcessContextRequirements::getProcessContextRequirements");
            return 0;
        }
    }
}
