using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's RoutingInfo (IComponent::getRoutingInfo).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct RoutingInfo
{
    public MediaType MediaType;
    public int BusIndex;
    public int Channel;
}
