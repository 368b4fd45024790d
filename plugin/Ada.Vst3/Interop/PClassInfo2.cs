using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's PClassInfo2: a class with sub-categories, vendor and versions (IPluginFactory2::getClassInfo2).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PClassInfo2
{
    public Tuid Cid;
    public int Cardinality;
    public fixed byte Category[32];
    public fixed byte Name[64];
    public uint ClassFlags;
    public fixed byte SubCategories[128];
    public fixed byte Vendor[64];
    public fixed byte Version[64];
    public fixed byte SdkVersion[64];
}
