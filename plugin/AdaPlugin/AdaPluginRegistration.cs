using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>The factory's contents: vendor strings, the one instrument class and how an instance is put together.</summary>
public static class AdaPluginRegistration
{
    /// <summary>The component's class id (Ardour shows it as the plug-in's unique id).</summary>
    public static readonly Tuid ClassId = Tuid.FromLongs(0xDF03DC9F, 0xCA1645D2, 0xAAC14A2A, 0xC3A67B8D);

    /// <summary>Vendor strings.</summary>
    public static readonly FactoryInfo Vendor = new("AdaPlugin", "", "");

    /// <summary>The class the factory offers.</summary>
    public static readonly PluginClass Instrument = new(ClassId, "AdaPlugin", "Instrument|Synth", "AdaPlugin", "0.1.0", CreateInstance);

    /// <summary>The module's factory.</summary>
    public static IVstPluginFactory CreateFactory()
    {
        ExceptionBarrier.Sink = PluginLog.Warn;
        return new PluginFactory(Vendor, [Instrument]);
    }

    /// <summary>The take source this process uses: the test tone when ADA_PLUGIN_TEST_TONE=1, else silence (no service yet).</summary>
    public static ITakeSource CreateTakeSource() =>
        Environment.GetEnvironmentVariable(TestToneTakeSource.EnableVariable) == "1" ? new TestToneTakeSource() : new SilentTakeSource();

    /// <summary>A new instrument: one COM object whose interfaces dispatch to the component, processor and controller parts.</summary>
    public static ComObject CreateInstance()
    {
        var parameters = new AdaParameters([]);
        var processor = new AdaProcessor(parameters, CreateTakeSource());
        var component = new AdaComponent(parameters, processor);
        var controller = new AdaController(parameters);
        return new ComObject(
            (IComponent.Descriptor, component),
            (IAudioProcessor.Descriptor, processor),
            (IEditController.Descriptor, controller),
            (IProcessContextRequirements.Descriptor, processor));
    }
}
