using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ProcessContext: transport and musical time of the current block (optional in ProcessData).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProcessContext
{
    public ProcessContextFlags State;
    public double SampleRate;
    public long ProjectTimeSamples;
    public long SystemTime;
    public long ContinousTimeSamples;
    public double ProjectTimeMusic;
    public double BarPositionMusic;
    public double CycleStartMusic;
    public double CycleEndMusic;
    public double Tempo;
    public int TimeSigNumerator;
    public int TimeSigDenominator;
    public byte ChordKeyNote;
    public byte ChordRootNote;
    public short ChordMask;
    public int SmpteOffsetSubframes;
    public uint FrameRateFramesPerSecond;
    public uint FrameRateFlags;
    public int SamplesToNextClock;
}
