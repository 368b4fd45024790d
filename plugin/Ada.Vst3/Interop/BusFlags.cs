namespace Ada.Vst3.Interop;

/// <summary>Steinberg's BusInfo::BusFlags.</summary>
[Flags]
public enum BusFlags : uint
{
    None = 0,
    DefaultActive = 1 << 0,
    IsControlVoltage = 1 << 1,
}
