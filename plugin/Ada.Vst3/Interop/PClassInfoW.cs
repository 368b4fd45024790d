using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's PClassInfoW: PClassInfo2 with UTF-16 name, vendor and versions (IPluginFactory3::getClassInfoUnicode).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PClassInfoW
{
    public Tuid Cid;
    public int Cardinality;
    public fixed byte Category[32];
    public fixed char Name[64];
    public uint ClassFlags;
    public fixed byte SubCategories[128];
    public fixed char Vendor[64];
    public fixed char Version[64];
    public fixed char SdkVersion[64];
}
