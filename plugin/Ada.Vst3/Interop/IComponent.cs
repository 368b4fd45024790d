using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IComponent (extends IPluginBase).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IComponent
{
    /// <summary>IComponent's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0xE831FF31, 0xF2D54301, 0x928EBBEE, 0x25697802);

    /// <summary>The vtable, answering IComponent and IPluginBase.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid, IPluginBase.Iid);

    public Vtbl* Vtable;

    /// <summary>IPluginBase's slots, then IComponent's in declaration order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public IPluginBase.Vtbl Base;
        public delegate* unmanaged<void*, Tuid*, int> GetControllerClassId;
        public delegate* unmanaged<void*, int, int> SetIoMode;
        public delegate* unmanaged<void*, MediaType, BusDirection, int> GetBusCount;
        public delegate* unmanaged<void*, MediaType, BusDirection, int, BusInfo*, int> GetBusInfo;
        public delegate* unmanaged<void*, RoutingInfo*, RoutingInfo*, int> GetRoutingInfo;
        public delegate* unmanaged<void*, MediaType, BusDirection, int, byte, int> ActivateBus;
        public delegate* unmanaged<void*, byte, int> SetActive;
        public delegate* unmanaged<void*, IBStream*, int> SetState;
        public delegate* unmanaged<void*, IBStream*, int> GetState;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        IPluginBase.Fill(&v->Base);
        v->GetControllerClassId = &GetControllerClassIdEntry;
        v->SetIoMode = &SetIoModeEntry;
        v->GetBusCount = &GetBusCountEntry;
        v->GetBusInfo = &GetBusInfoEntry;
        v->GetRoutingInfo = &GetRoutingInfoEntry;
        v->ActivateBus = &ActivateBusEntry;
        v->SetActive = &SetActiveEntry;
        v->SetState = &SetStateEntry;
        v->GetState = &GetStateEntry;
        return v;
    }

    private static IVstComponent Target(void* self) => ComObject.TargetOf<IVstComponent>(self);

    [UnmanagedCallersOnly]
    private static int GetControllerClassIdEntry(void* self, Tuid* classId)
    {
        try
        {
            return classId == null ? TResult.InvalidArgument : Target(self).GetControllerClassId(out *classId);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::getControllerClassId");
        }
    }

    [UnmanagedCallersOnly]
    private static int SetIoModeEntry(void* self, int mode)
    {
        try
        {
            return Target(self).SetIoMode(mode);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::setIoMode");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetBusCountEntry(void* self, MediaType type, BusDirection direction)
    {
        try
        {
            return Target(self).GetBusCount(type, direction);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IComponent::getBusCount");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int GetBusInfoEntry(void* self, MediaType type, BusDirection direction, int index, BusInfo* info)
    {
        try
        {
            return info == null ? TResult.InvalidArgument : Target(self).GetBusInfo(type, direction, index, ref *info);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::getBusInfo");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetRoutingInfoEntry(void* self, RoutingInfo* input, RoutingInfo* output)
    {
        try
        {
            return input == null || output == null ? TResult.InvalidArgument : Target(self).GetRoutingInfo(in *input, ref *output);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::getRoutingInfo");
        }
    }

    [UnmanagedCallersOnly]
    private static int ActivateBusEntry(void* self, MediaType type, BusDirection direction, int index, byte state)
    {
        try
        {
            return Target(self).ActivateBus(type, direction, index, state != 0);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::activateBus");
        }
    }

    [UnmanagedCallersOnly]
    private static int SetActiveEntry(void* self, byte state)
    {
        try
        {
            return Target(self).SetActive(state != 0);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::setActive");
        }
    }

    [UnmanagedCallersOnly]
    private static int SetStateEntry(void* self, IBStream* state)
    {
        try
        {
            return state == null ? TResult.InvalidArgument : Target(self).SetState(new BStream(state));
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::setState");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetStateEntry(void* self, IBStream* state)
    {
        try
        {
            return state == null ? TResult.InvalidArgument : Target(self).GetState(new BStream(state));
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IComponent::getState");
        }
    }
}
