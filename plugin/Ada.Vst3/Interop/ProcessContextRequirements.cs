namespace Ada.Vst3.Interop;

/// <summary>Steinberg's IProcessContextRequirements::Flags: which ProcessContext fields a plug-in needs.</summary>
[Flags]
public enum ProcessContextRequirements : uint
{
    None = 0,
    NeedSystemTime = 1 << 0,
    NeedContinousTimeSamples = 1 << 1,
    NeedProjectTimeMusic = 1 << 2,
    NeedBarPositionMusic = 1 << 3,
    NeedCycleMusic = 1 << 4,
    NeedSamplesToNextClock = 1 << 5,
    NeedTempo = 1 << 6,
    NeedTimeSignature = 1 << 7,
    NeedChord = 1 << 8,
    NeedFrameRate = 1 << 9,
    NeedTransportState = 1 << 10,
}
