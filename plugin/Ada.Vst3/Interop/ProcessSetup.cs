using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ProcessSetup (IAudioProcessor::setupProcessing).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProcessSetup
{
    public ProcessMode ProcessMode;
    public SymbolicSampleSize SymbolicSampleSize;
    public int MaxSamplesPerBlock;
    public double SampleRate;
}
