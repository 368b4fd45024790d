using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's Vst::IAudioProcessor.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct IAudioProcessor
{
    /// <summary>IAudioProcessor's id.</summary>
    public static readonly Tuid Iid = Tuid.FromLongs(0x42043F99, 0xB7DA453C, 0xA569E79D, 0x9AAEC33D);

    /// <summary>The vtable.</summary>
    public static readonly ComInterfaceDescriptor Descriptor = new(CreateVtable(), Iid);

    public Vtbl* Vtable;

    /// <summary>FUnknown's slots, then IAudioProcessor's in declaration order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Vtbl
    {
        public FUnknown.Vtbl Unknown;
        public delegate* unmanaged<void*, ulong*, int, ulong*, int, int> SetBusArrangements;
        public delegate* unmanaged<void*, BusDirection, int, ulong*, int> GetBusArrangement;
        public delegate* unmanaged<void*, SymbolicSampleSize, int> CanProcessSampleSize;
        public delegate* unmanaged<void*, uint> GetLatencySamples;
        public delegate* unmanaged<void*, ProcessSetup*, int> SetupProcessing;
        public delegate* unmanaged<void*, byte, int> SetProcessing;
        public delegate* unmanaged<void*, ProcessData*, int> Process;
        public delegate* unmanaged<void*, uint> GetTailSamples;
    }

    private static Vtbl* CreateVtable()
    {
        var v = (Vtbl*)NativeMemory.AllocZeroed((nuint)sizeof(Vtbl));
        FUnknown.Fill(&v->Unknown);
        v->SetBusArrangements = &SetBusArrangementsEntry;
        v->GetBusArrangement = &GetBusArrangementEntry;
        v->CanProcessSampleSize = &CanProcessSampleSizeEntry;
        v->GetLatencySamples = &GetLatencySamplesEntry;
        v->SetupProcessing = &SetupProcessingEntry;
        v->SetProcessing = &SetProcessingEntry;
        v->Process = &ProcessEntry;
        v->GetTailSamples = &GetTailSamplesEntry;
        return v;
    }

    private static IVstAudioProcessor Target(void* self) => ComObject.TargetOf<IVstAudioProcessor>(self);

    [UnmanagedCallersOnly]
    private static int SetBusArrangementsEntry(void* self, ulong* inputs, int numIns, ulong* outputs, int numOuts)
    {
        try
        {
            if (numIns < 0 || numOuts < 0 || (numIns > 0 && inputs == null) || (numOuts > 0 && outputs == null))
            {
                return TResult.InvalidArgument;
            }
            return Target(self).SetBusArrangements(new ReadOnlySpan<ulong>(inputs, numIns), new ReadOnlySpan<ulong>(outputs, numOuts));
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IAudioProcessor::setBusArrangements");
        }
    }

    [UnmanagedCallersOnly]
    private static int GetBusArrangementEntry(void* self, BusDirection direction, int index, ulong* arrangement)
    {
        try
        {
            return arrangement == null ? TResult.InvalidArgument : Target(self).GetBusArrangement(direction, index, out *arrangement);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IAudioProcessor::getBusArrangement");
        }
    }

    [UnmanagedCallersOnly]
    private static int CanProcessSampleSizeEntry(void* self, SymbolicSampleSize size)
    {
        try
        {
            return Target(self).CanProcessSampleSize(size);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IAudioProcessor::canProcessSampleSize");
        }
    }

    [UnmanagedCallersOnly]
    private static uint GetLatencySamplesEntry(void* self)
    {
        try
        {
            return Target(self).GetLatencySamples();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IAudioProcessor::getLatencySamples");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int SetupProcessingEntry(void* self, ProcessSetup* setup)
    {
        try
        {
            return setup == null ? TResult.InvalidArgument : Target(self).SetupProcessing(in *setup);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IAudioProcessor::setupProcessing");
        }
    }

    [UnmanagedCallersOnly]
    private static int SetProcessingEntry(void* self, byte state)
    {
        try
        {
            return Target(self).SetProcessing(state != 0);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IAudioProcessor::setProcessing");
        }
    }

    [UnmanagedCallersOnly]
    private static int ProcessEntry(void* self, ProcessData* data)
    {
        try
        {
            return data == null ? TResult.InvalidArgument : Target(self).Process(ref *data);
        }
        catch (Exception e)
        {
            return ExceptionBarrier.Fail(e, "IAudioProcessor::process");
        }
    }

    [UnmanagedCallersOnly]
    private static uint GetTailSamplesEntry(void* self)
    {
        try
        {
            return Target(self).GetTailSamples();
        }
        catch (Exception e)
        {
            ExceptionBarrier.Report(e, "IAudioProcessor::getTailSamples");
            return 0;
        }
    }
}
