using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's BusInfo (IComponent::getBusInfo).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct BusInfo
{
    public MediaType MediaType;
    public BusDirection Direction;
    public int ChannelCount;
    public String128 Name;
    public BusType BusType;
    public BusFlags Flags;
}
