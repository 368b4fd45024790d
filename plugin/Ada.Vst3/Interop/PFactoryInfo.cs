using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's PFactoryInfo: who made the module (IPluginFactory::getFactoryInfo).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PFactoryInfo
{
    /// <summary>kUnicode: the classes' strings are Unicode (always true for VST3).</summary>
    public const int FlagUnicode = 1 << 4;

    public fixed byte Vendor[64];
    public fixed byte Url[256];
    public fixed byte Email[128];
    public int Flags;
}
