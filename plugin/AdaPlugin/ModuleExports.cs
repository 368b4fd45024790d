using System.Runtime.InteropServices;
using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>The symbols a VST3 host looks up: GetPluginFactory, ModuleEntry/ModuleExit (Linux), InitDll/ExitDll (Windows).</summary>
public static unsafe class ModuleExports
{
    /// <summary>GetPluginFactory: the IPluginFactory3 of this module, with a reference for the caller.</summary>
    [UnmanagedCallersOnly(EntryPoint = "GetPluginFactory")]
    public static void* GetPluginFactory()
    {
        try
        {
            return PluginModule.GetFactory(AdaPluginRegistration.CreateFactory);
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "GetPluginFactory");
            return null;
        }
    }

    /// <summary>ModuleEntry (Linux): called once after dlopen with the library handle.</summary>
    [UnmanagedCallersOnly(EntryPoint = "ModuleEntry")]
    public static byte ModuleEntry(void* libraryHandle) => PluginModule.Enter() ? (byte)1 : (byte)0;

    /// <summary>ModuleExit (Linux): called once before dlclose.</summary>
    [UnmanagedCallersOnly(EntryPoint = "ModuleExit")]
    public static byte ModuleExit() => Exit();

    /// <summary>InitDll (Windows).</summary>
    [UnmanagedCallersOnly(EntryPoint = "InitDll")]
    public static byte InitDll() => PluginModule.Enter() ? (byte)1 : (byte)0;

    /// <summary>ExitDll (Windows).</summary>
    [UnmanagedCallersOnly(EntryPoint = "ExitDll")]
    public static byte ExitDll() => Exit();

    private static byte Exit()
    {
        try
        {
            return PluginModule.Exit() ? (byte)1 : (byte)0;
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "ModuleExit");
            return 0;
        }
    }
}
