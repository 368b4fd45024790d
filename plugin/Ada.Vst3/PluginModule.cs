using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>
/// The module-level half of the entry points (GetPluginFactory, ModuleEntry/ModuleExit, InitDll/ExitDll): a plug-in
/// exports those symbols itself and forwards here. The module keeps one factory alive, holding its own reference,
/// so hosts that release the factory after each scan cannot leave a dangling pointer behind.
/// </summary>
public static unsafe class PluginModule
{
    private static readonly Lock s_lock = new();
    private static ComObject? s_factory;

    /// <summary>GetPluginFactory: the factory with one reference added for the caller.</summary>
    public static void* GetFactory(Func<IVstPluginFactory> create)
    {
        lock (s_lock)
        {
            s_factory ??= new ComObject(create(), IPluginFactory.Descriptor);
            s_factory.AddRef();
            return s_factory.Pointer;
        }
    }

    /// <summary>ModuleEntry / InitDll.</summary>
    public static bool Enter() => true;

    /// <summary>ModuleExit / ExitDll: drops the module's reference; hosts still holding the factory keep it alive.</summary>
    public static bool Exit()
    {
        lock (s_lock)
        {
            s_factory?.Release();
            s_factory = null;
            return true;
        }
    }
}
