using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IEditController (extends IPluginBase).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IEditController
{
    /// <summary>IEditController's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0xDCD7BBE3, 0x7742448D, 0xA874AACC, 0x979C759E);

    /// <summary>The vtable (answers IEditController only: IPluginBase belongs to the component's vtable).</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>IPluginBase's slots, then IEditController's in declaration order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public IPluginBase.Vtbl Base;
        public delegate* unmanaged<void*, IBStream*, int> SetComponentState;
        public delegate* unmanaged<void*, IBStream*, int> SetState;
        public delegate* unmanaged<void*, IBStream*, int> GetState;
        public delegate* unmanaged<void*, int> GetParameterCount;
        public delegate* unmanaged<void*, int, ParameterInfo*, int> GetParameterInfo;
        public delegate* unmanaged<void*, uint, double, char*, int> GetParamStringByValue;
        public delegate* unmanaged<void*, uint, char*, double*, int> GetParamValueByString;
        public delegate* unmanaged<void*, uint, double, double> NormalizedParamToPlain;
        public delegate* unmanaged<void*, uint, double, double> PlainParamToNormalized;
        public delegate* unmanaged<void*, uint, double> GetParamNormalized;
        public delegate* unmanaged<void*, uint, double, int> SetParamNormalized;
        public delegate* unmanaged<void*, void*, int> SetComponentHandler;
        public delegate* unmanaged<void*, byte*, void*> CreateView;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        IPluginBase.Fill(&v->Base);
        v->SetComponentState = &SetComponentStateEntry;
        v->SetState = &SetStateEntry;
        v->GetState = &GetStateEntry;
        v->GetParameterCount = &GetParameterCountEntry;
        v->GetParameterInfo = &GetParameterInfoEntry;
        v->GetParamStringByValue = &GetParamStringByValueEntry;
        v->GetParamValueByString = &GetParamValueByStringEntry;
        v->NormalizedParamToPlain = &NormalizedParamToPlainEntry;
        v->PlainParamToNormalized = &PlainParamToNormalizedEntry;
        v->GetParamNormalized = &GetParamNormalizedEntry;
        v->SetParamNormalized = &SetParamNormalizedEntry;
        v->SetComponentHandler = &SetComponentHandlerEntry;
        v->CreateView = &CreateViewEntry;
        return v;
    }

    private static IVstEditController Target(void* self) => ComObject.TargetOf<IVstEditController>(self);

    [UnmanagedCallersOnly]
    private static int SetComponentStateEntry(void* self, IBStream* state)
    {
        try
        {
            return state == null ? TResult.InvalidArgument : Target(self).SetComponentState(new BStream(state));
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IEditController::setComponentState");
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
            return ExceptionBarrier.Fail(e, "IEditController::setState");
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
            return ExceptionBarrier.Fail(e, "IEditController::getState");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetParameterCountEntry(void* self)
    {
        try
        {
            return Target(self).GetParameterCount();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IEditController::getParameterCount");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int GetParameterInfoEntry(void* self, int index, ParameterInfo* info)
    {
        try
        {
            return info == null ? TResult.InvalidArgument : Target(self).GetParameterInfo(index, ref *info);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IEditController::getParameterInfo");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetParamStringByValueEntry(void* self, uint id, double normalized, char* text)
    {
        try
        {
            return text == null
                ? TResult.InvalidArgument
                : Target(self).GetParamStringByValue(id, normalized, new Span<char>(text, String128.Length));
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IEditController::getParamStringByValue");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetParamValueByStringEntry(void* self, uint id, char* text, double* normalized)
    {
        try
        {
            return text == null || normalized == null
                ? TResult.InvalidArgument
                : Target(self).GetParamValueByString(id, FixedText.FromTerminated(text, String128.Length), out *normalized);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IEditController::getParamValueByString");
        }
    }

    [UnmanagedCallersOnly]
    private static double NormalizedParamToPlainEntry(void* self, uint id, double normalized)
    {
        try
        {
            return Target(self).NormalizedParamToPlain(id, normalized);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IEditController::normalizedParamToPlain");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static double PlainParamToNormalizedEntry(void* self, uint id, double plain)
    {
        try
        {
            return Target(self).PlainParamToNormalized(id, plain);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IEditController::plainParamToNormalized");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static double GetParamNormalizedEntry(void* self, uint id)
    {
        try
        {
            return Target(self).GetParamNormalized(id);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IEditController::getParamNormalized");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int SetParamNormalizedEntry(void* self, uint id, double normalized)
    {
        try
        {
            return Target(self).SetParamNormalized(id, normalized);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IEditController::setParamNormalized");
        }
    }

    [UnmanagedCallersOnly]
    private static int SetComponentHandlerEntry(void* self, void* handler)
    {
        try
        {
            return Target(self).SetComponentHandler(handler);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IEditController::setComponentHandler");
        }
    }

    [UnmanagedCallersOnly]
    private static void* CreateViewEntry(void* self, byte* name)
    {
        try
        {
            var viewType = name == null ? null : System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)name);
            return Target(self).CreateView(viewType);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IEditController::createView");
            return null;
        }
    }
}
