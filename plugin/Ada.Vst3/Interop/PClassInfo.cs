using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's PClassInfo: one class the factory can create (IPluginFactory::getClassInfo).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PClassInfo
{
    /// <summary>kManyInstances.</summary>
    public const int ManyInstances = 0x7FFFFFFF;

    public Tuid Cid;
    public int Cardinality;
    public fixed byte Category[32];
    public fixed byte Name[64];
}
