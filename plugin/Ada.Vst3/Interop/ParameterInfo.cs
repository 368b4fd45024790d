using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ParameterInfo (IEditController::getParameterInfo).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ParameterInfo
{
    public uint Id;
    public String128 Title;
    public String128 ShortTitle;
    public String128 Units;
    public int StepCount;
    public double DefaultNormalizedValue;
    public int UnitId;
    public ParameterFlags Flags;
}
