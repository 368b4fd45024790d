using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>
/// One AdaPlugin instance in a native copy, driven through its vtables: IComponent from the factory, then
/// IAudioProcessor and IEditController by queryInterface, as Ardour does.
/// </summary>
internal sealed unsafe class PluginInstance : IDisposable
{
    public PluginInstance(NativePlugin plugin)
    {
        Plugin = plugin;
        Component = plugin.CreateComponent();
        Processor = (IAudioProcessor*)FUnknown.Query(Component, IAudioProcessor.Iid);
        Controller = (IEditController*)FUnknown.Query(Component, IEditController.Iid);
        if (Processor == null || Controller == null)
        {
            throw new InvalidOperationException("the component does not answer IAudioProcessor and IEditController");
        }
    }

    public NativePlugin Plugin { get; }

    public IComponent* Component { get; }

    public IAudioProcessor* Processor { get; }

    public IEditController* Controller { get; }

    /// <summary>The final release's return value (0 when the instance was freed).</summary>
    public uint? FinalReferenceCount { get; private set; }

    public int Initialize(void* context = null) => Component->Vtable->Base.Initialize(Component, context);

    public int Setup(double sampleRate, int maxBlock, ProcessMode mode = ProcessMode.Realtime)
    {
        var setup = new ProcessSetup
        {
            ProcessMode = mode, SymbolicSampleSize = SymbolicSampleSize.Sample32, MaxSamplesPerBlock = maxBlock, SampleRate = sampleRate,
        };
        return Processor->Vtable->SetupProcessing(Processor, &setup);
    }

    public int SetActive(bool active) => Component->Vtable->SetActive(Component, active ? (byte)1 : (byte)0);

    public int SetProcessing(bool on) => Processor->Vtable->SetProcessing(Processor, on ? (byte)1 : (byte)0);

    public int Process(ProcessData* data) => Processor->Vtable->Process(Processor, data);

    public int ActivateBus(MediaType type, BusDirection direction, int index, bool on) =>
        Component->Vtable->ActivateBus(Component, type, direction, index, on ? (byte)1 : (byte)0);

    /// <summary>initialize, buses as a host sets them (Primer on), setupProcessing, setActive, setProcessing — each must succeed.</summary>
    public void Start(double sampleRate, int maxBlock, ProcessMode mode = ProcessMode.Realtime)
    {
        Expect(Initialize(), "initialize");
        Expect(ActivateBus(MediaType.Event, BusDirection.Input, 0, true), "activateBus(event in)");
        Expect(ActivateBus(MediaType.Audio, BusDirection.Output, 0, true), "activateBus(audio out)");
        Expect(ActivateBus(MediaType.Audio, BusDirection.Input, 0, true), "activateBus(primer)");
        Expect(Setup(sampleRate, maxBlock, mode), "setupProcessing");
        Expect(SetActive(true), "setActive(true)");
        Expect(SetProcessing(true), "setProcessing(true)");
    }

    public double GetNormalized(AdaParameterId id) => Controller->Vtable->GetParamNormalized(Controller, (uint)id);

    public int SetNormalized(uint id, double value) => Controller->Vtable->SetParamNormalized(Controller, id, value);

    public double ToPlain(AdaParameterId id, double normalized) => Controller->Vtable->NormalizedParamToPlain(Controller, (uint)id, normalized);

    public double ToNormalized(AdaParameterId id, double plain) => Controller->Vtable->PlainParamToNormalized(Controller, (uint)id, plain);

    public int ValueToString(uint id, double normalized, out string text)
    {
        var buffer = new String128();
        var result = Controller->Vtable->GetParamStringByValue(Controller, id, normalized, (char*)&buffer);
        text = buffer.ToString();
        return result;
    }

    public int StringToValue(uint id, string text, out double normalized)
    {
        double value = 0;
        int result;
        fixed (char* chars = text + "\0")
        {
            result = Controller->Vtable->GetParamValueByString(Controller, id, chars, &value);
        }
        normalized = value;
        return result;
    }

    public int GetState(out byte[] state)
    {
        using var stream = new HostStream();
        var result = Component->Vtable->GetState(Component, stream.Stream);
        state = stream.ToArray();
        return result;
    }

    public int SetState(byte[] state)
    {
        using var stream = new HostStream(state);
        return Component->Vtable->SetState(Component, stream.Stream);
    }

    public void Dispose()
    {
        if (FinalReferenceCount is not null)
        {
            return;
        }
        SetProcessing(false);
        SetActive(false);
        Component->Vtable->Base.Terminate(Component);
        FUnknown.Release(Controller);
        FUnknown.Release(Processor);
        FinalReferenceCount = FUnknown.Release(Component);
    }

    private static void Expect(int result, string call)
    {
        if (result != TResult.Ok)
        {
            throw new InvalidOperationException($"{call} returned {result}");
        }
    }
}
