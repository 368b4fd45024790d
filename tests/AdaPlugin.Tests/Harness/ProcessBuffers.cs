using System.Runtime.InteropServices;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>
/// Native memory for one process call, laid out as a host does: ProcessData → one stereo output bus and one
/// stereo input bus (the Primer side-chain) → channel pointer arrays → sample buffers, plus a ProcessContext.
/// </summary>
internal sealed unsafe class ProcessBuffers : IDisposable
{
    private readonly int _capacity;
    private readonly byte* _memory;

    public ProcessBuffers(int capacity)
    {
        _capacity = capacity;
        var floats = 4 * capacity * sizeof(float);
        var size = sizeof(ProcessData) + (2 * sizeof(AudioBusBuffers)) + (4 * sizeof(float*)) + sizeof(ProcessContext) + floats;
        _memory = (byte*)NativeMemory.AllocZeroed((nuint)size);
        Data = (ProcessData*)_memory;
        Output = (AudioBusBuffers*)(Data + 1);
        Input = Output + 1;
        OutputChannels = (float**)(Input + 1);
        InputChannels = OutputChannels + 2;
        Context = (ProcessContext*)(InputChannels + 2);
        var samples = (float*)(Context + 1);
        for (var c = 0; c < 2; c++)
        {
            OutputChannels[c] = samples + (c * capacity);
            InputChannels[c] = samples + ((2 + c) * capacity);
        }
    }

    public ProcessData* Data { get; }

    public AudioBusBuffers* Output { get; }

    public AudioBusBuffers* Input { get; }

    public float** OutputChannels { get; }

    public float** InputChannels { get; }

    public ProcessContext* Context { get; }

    public Span<float> Left => new(OutputChannels[0], _capacity);

    public Span<float> Right => new(OutputChannels[1], _capacity);

    public Span<float> InputLeft => new(InputChannels[0], _capacity);

    /// <summary>Fills ProcessData for a block of <paramref name="numSamples"/> (a null position means no ProcessContext).</summary>
    public void Prepare(int numSamples, long? projectSample, HostEventList? events = null, HostParameterChanges? input = null,
        HostParameterChanges? output = null)
    {
        *Data = new ProcessData
        {
            ProcessMode = ProcessMode.Realtime,
            SymbolicSampleSize = SymbolicSampleSize.Sample32,
            NumSamples = numSamples,
            NumInputs = 1,
            NumOutputs = 1,
            Inputs = Input,
            Outputs = Output,
            InputEvents = events is null ? null : events.List,
            InputParameterChanges = input is null ? null : input.Changes,
            OutputParameterChanges = output is null ? null : output.Changes,
            ProcessContext = projectSample is null ? null : Context,
        };
        *Output = new AudioBusBuffers { NumChannels = 2, ChannelBuffers32 = OutputChannels };
        *Input = new AudioBusBuffers { NumChannels = 2, ChannelBuffers32 = InputChannels };
        *Context = new ProcessContext
        {
            State = ProcessContextFlags.Playing, SampleRate = 48000, ProjectTimeSamples = projectSample ?? 0,
        };
    }

    public void Dispose() => NativeMemory.Free(_memory);
}
