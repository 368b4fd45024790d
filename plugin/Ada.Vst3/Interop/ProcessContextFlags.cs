namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ProcessContext::StatesAndFlags.</summary>
[Flags]
public enum ProcessContextFlags : uint
{
    None = 0,
    Playing = 1 << 1,
    CycleActive = 1 << 2,
    Recording = 1 << 3,
    SystemTimeValid = 1 << 8,
    ProjectTimeMusicValid = 1 << 9,
    TempoValid = 1 << 10,
    BarPositionValid = 1 << 11,
    CycleValid = 1 << 12,
    TimeSigValid = 1 << 13,
    SmpteValid = 1 << 14,
    ClockValid = 1 << 15,
    ContTimeValid = 1 << 17,
    ChordValid = 1 << 18,
}
