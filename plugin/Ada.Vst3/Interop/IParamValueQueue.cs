using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IParamValueQueue: the automation points of one parameter in one block.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IParamValueQueue
{
    /// <summary>IParamValueQueue's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x01263A18, 0xED074F6F, 0x98C9D356, 0x4686F9BA);

    /// <summary>A vtable dispatching to <see cref="IVstParamValueQueue"/>, for hosts written in C#.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then getParameterId, getPointCount, getPoint, addPoint.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<IParamValueQueue*, uint> GetParameterId;
        public delegate* unmanaged<IParamValueQueue*, int> GetPointCount;
        public delegate* unmanaged<IParamValueQueue*, int, int*, double*, int> GetPoint;
        public delegate* unmanaged<IParamValueQueue*, int, double, int*, int> AddPoint;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->GetParameterId = &GetParameterIdEntry;
        v->GetPointCount = &GetPointCountEntry;
        v->GetPoint = &GetPointEntry;
        v->AddPoint = &AddPointEntry;
        return v;
    }

    private static IVstParamValueQueue Target(void* self) => ComObject.TargetOf<IVstParamValueQueue>(self);

    [UnmanagedCallersOnly]
    private static uint GetParameterIdEntry(IParamValueQueue* self)
    {
        try
        {
            return Target(self).GetParameterId();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IParamValueQueue::getParameterId");
            return uint.MaxValue;
        }
    }

    [UnmanagedCallersOnly]
    private static int GetPointCountEntry(IParamValueQueue* self)
    {
        try
        {
            return Target(self).GetPointCount();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IParamValueQueue::getPointCount");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int GetPointEntry(IParamValueQueue* self, int index, int* sampleOffset, double* value)
    {
        try
        {
            return sampleOffset == null || value == null
                ? TResult.InvalidArgument
                : Target(self).GetPoint(index, out *sampleOffset, out *value);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IParamValueQueue::getPoint");
        }
    }

    [UnmanagedCallersOnly]
    private static int AddPointEntry(IParamValueQueue* self, int sampleOffset, double value, int* index)
    {
        try
        {
            return index == null ? TResult.InvalidArgument : Target(self).AddPoint(sampleOffset, value, out *index);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IParamValueQueue::addPoint");
        }
    }
}
