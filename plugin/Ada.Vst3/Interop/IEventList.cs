using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IEventList: the note events of one block.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IEventList
{
    /// <summary>IEventList's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x3A2C4214, 0x346349FE, 0xB2C4F397, 0xB9695A44);

    /// <summary>A vtable dispatching to <see cref="IVstEventList"/>, for hosts written in C#.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then getEventCount, getEvent, addEvent.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<IEventList*, int> GetEventCount;
        public delegate* unmanaged<IEventList*, int, Event*, int> GetEvent;
        public delegate* unmanaged<IEventList*, Event*, int> AddEvent;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->GetEventCount = &GetEventCountEntry;
        v->GetEvent = &GetEventEntry;
        v->AddEvent = &AddEventEntry;
        return v;
    }

    private static IVstEventList Target(void* self) => ComObject.TargetOf<IVstEventList>(self);

    [UnmanagedCallersOnly]
    private static int GetEventCountEntry(IEventList* self)
    {
        try
        {
            return Target(self).GetEventCount();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IEventList::getEventCount");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int GetEventEntry(IEventList* self, int index, Event* e)
    {
        try
        {
            return e == null ? TResult.InvalidArgument : Target(self).GetEvent(index, out *e);
        }
        catch (Exception ex)
        {
            return ExceptionBarrier.Fail(ex, "IEventList::getEvent");
        }
    }

    [UnmanagedCallersOnly]
    private static int AddEventEntry(IEventList* self, Event* e)
    {
        try
        {
            return e == null ? TResult.InvalidArgument : Target(self).AddEvent(in *e);
        }
        catch (Exception ex)
        {
            return ExceptionBarrier.Fail(ex, "IEventList::addEvent");
        }
    }
}
