using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>Managed behaviour behind IAudioProcessor. <see cref="Process"/> runs on the audio thread.</summary>
public interface IVstAudioProcessor
{
    /// <summary>setBusArrangements: kResultTrue if exactly these arrangements are supported (and now current).</summary>
    int SetBusArrangements(ReadOnlySpan<ulong> inputs, ReadOnlySpan<ulong> outputs);

    /// <summary>getBusArrangement.</summary>
    int GetBusArrangement(BusDirection direction, int index, out ulong arrangement);

    /// <summary>canProcessSampleSize.</summary>
    int CanProcessSampleSize(SymbolicSampleSize size);

    /// <summary>getLatencySamples.</summary>
    uint GetLatencySamples();

    /// <summary>setupProcessing: sample rate, maximum block size and process mode, before activation.</summary>
    int SetupProcessing(in ProcessSetup setup);

    /// <summary>setProcessing.</summary>
    int SetProcessing(bool state);

    /// <summary>process: one block (audio thread; must not allocate, lock or wait in realtime mode).</summary>
    int Process(ref ProcessData data);

    /// <summary>getTailSamples.</summary>
    uint GetTailSamples();
}
