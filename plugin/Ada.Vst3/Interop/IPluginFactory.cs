using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's IPluginFactory3 vtable (which extends IPluginFactory2 and IPluginFactory): the module's class factory.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IPluginFactory
{
    /// <summary>IPluginFactory's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x7A4D811C, 0x52114A1F, 0xAED9D2EE, 0x0B43BF9F);

    /// <summary>IPluginFactory2's id.</summary>
    public static readonly Tuid Iid2 = Tuid.FromLongs(0x0007B650, 0xF24B4C0B, 0xA464EDB9, 0xF00B2ABB);

    /// <summary>IPluginFactory3's id.</summary>
    public static readonly Tuid Iid3 = Tuid.FromLongs(0x4555A2AB, 0xC1234E57, 0x9B122910, 0x36878931);

    /// <summary>The factory vtable, answering all three factory ids.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid3, Iid2, Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown, IPluginFactory, IPluginFactory2 and IPluginFactory3 slots in declaration order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<void*, PFactoryInfo*, int> GetFactoryInfo;
        public delegate* unmanaged<void*, int> CountClasses;
        public delegate* unmanaged<void*, int, PClassInfo*, int> GetClassInfo;
        public delegate* unmanaged<void*, Tuid*, Tuid*, void**, int> CreateInstance;
        public delegate* unmanaged<void*, int, PClassInfo2*, int> GetClassInfo2;
        public delegate* unmanaged<void*, int, PClassInfoW*, int> GetClassInfoUnicode;
        public delegate* unmanaged<void*, void*, int> SetHostContext;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->GetFactoryInfo = &GetFactoryInfoEntry;
        v->CountClasses = &CountClassesEntry;
        v->GetClassInfo = &GetClassInfoEntry;
        v->CreateInstance = &CreateInstanceEntry;
        v->GetClassInfo2 = &GetClassInfo2Entry;
        v->GetClassInfoUnicode = &GetClassInfoUnicodeEntry;
        v->SetHostContext = &SetHostContextEntry;
        return v;
    }

    private static IVstPluginFactory Target(void* self) => ComObject.TargetOf<IVstPluginFactory>(self);

    [UnmanagedCallersOnly]
    private static int GetFactoryInfoEntry(void* self, PFactoryInfo* info)
    {
        try
        {
            return info == null ? TResult.InvalidArgument : Target(self).GetFactoryInfo(ref *info);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginFactory::getFactoryInfo");
        }
    }

    [UnmanagedCallersOnly]
    private static int CountClassesEntry(void* self)
    {
        try
        {
            return Target(self).CountClasses();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IPluginFactory::countClasses");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int GetClassInfoEntry(void* self, int index, PClassInfo* info)
    {
        try
        {
            return info == null ? TResult.InvalidArgument : Target(self).GetClassInfo(index, ref *info);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginFactory::getClassInfo");
        }
    }

    [UnmanagedCallersOnly]
    private static int CreateInstanceEntry(void* self, Tuid* classId, Tuid* interfaceId, void** instance)
    {
        try
        {
            if (instance == null)
            {
                return TResult.InvalidArgument;
            }
            *instance = null;
            if (classId == null || interfaceId == null)
            {
                return TResult.InvalidArgument;
            }
            return Target(self).CreateInstance(Tuid.Read(classId), Tuid.Read(interfaceId), instance);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginFactory::createInstance");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetClassInfo2Entry(void* self, int index, PClassInfo2* info)
    {
        try
        {
            return info == null ? TResult.InvalidArgument : Target(self).GetClassInfo2(index, ref *info);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginFactory2::getClassInfo2");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetClassInfoUnicodeEntry(void* self, int index, PClassInfoW* info)
    {
        try
        {
            return info == null ? TResult.InvalidArgument : Target(self).GetClassInfoUnicode(index, ref *info);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginFactory3::getClassInfoUnicode");
        }
    }

    [UnmanagedCallersOnly]
    private static int SetHostContextEntry(void* self, void* context)
    {
        try
        {
            return Target(self).SetHostContext(context);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IPluginFactory3::setHostContext");
        }
    }
}
