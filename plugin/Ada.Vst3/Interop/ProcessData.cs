using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's ProcessData: everything one process call gets (IAudioProcessor::process).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ProcessData
{
    public ProcessMode ProcessMode;
    public SymbolicSampleSize SymbolicSampleSize;
    public int NumSamples;
    public int NumInputs;
    public int NumOutputs;
    public AudioBusBuffers* Inputs;
    public AudioBusBuffers* Outputs;
    public IParameterChanges* InputParameterChanges;
    public IParameterChanges* OutputParameterChanges;
    public IEventList* InputEvents;
    public IEventList* OutputEvents;
    public ProcessContext* ProcessContext;

    /// <summary>The input buses (empty where the host passed none).</summary>
    public readonly Span<AudioBusBuffers> InputBuses => Inputs == null || NumInputs <= 0 ? default : new Span<AudioBusBuffers>(Inputs, NumInputs);

    /// <summary>The output buses (empty where the host passed none).</summary>
    public readonly Span<AudioBusBuffers> OutputBuses => Outputs == null || NumOutputs <= 0 ? default : new Span<AudioBusBuffers>(Outputs, NumOutputs);
}
