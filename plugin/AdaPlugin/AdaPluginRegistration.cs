using Ada.Vst3;
using Ada.Vst3.Interop;
using AdaPlugin.Service;

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

    /// <summary>
    /// A new instrument: one COM object whose interfaces dispatch to the component, processor and controller parts.
    /// Takes come from the generator service (connected lazily at setActive), or from the test tone when
    /// ADA_PLUGIN_TEST_TONE=1. Nothing here contacts the service.
    /// </summary>
    public static ComObject CreateInstance()
    {
        var settings = PluginSettings.Load();
        var parameters = new AdaParameters([]);
        var service = Environment.GetEnvironmentVariable(TestToneTakeSource.EnableVariable) == "1" ? null : new ServiceTakeSource(parameters, settings);
        var processor = new AdaProcessor(parameters, service ?? (ITakeSource)new TestToneTakeSource());
        var component = new AdaComponent(parameters, processor, settings.PresetsFolder);
        if (service is not null)
        {
            service.Context = component;
        }
        var controller = new AdaController(parameters);
        return new ComObject(
            (IComponent.Descriptor, component),
            (IAudioProcessor.Descriptor, processor),
            (IEditController.Descriptor, controller),
            (IProcessContextRequirements.Descriptor, processor));
    }
}
