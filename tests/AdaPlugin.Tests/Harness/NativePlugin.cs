using System.Runtime.InteropServices;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>
/// One loaded copy of the NativeAOT AdaPlugin.so and its factory, reached only through exported symbols and
/// vtables — exactly as a host reaches it. Each copy is its own NativeAOT runtime with its own view of the
/// environment, so the harness loads one copy per take-source mode (silent, test tone) and sets the C
/// environment before every call that may read it.
/// </summary>
internal sealed unsafe class NativePlugin
{
    private static readonly Lock EnvironmentLock = new();
    private static readonly Lazy<NativePlugin> SilentCopy = new(() => Load(toneEnabled: false));
    private static readonly Lazy<NativePlugin> ToneCopy = new(() => Load(toneEnabled: true));

    private NativePlugin(nint library, bool toneEnabled, string presetsFolder)
    {
        Library = library;
        ToneEnabled = toneEnabled;
        PresetsFolder = presetsFolder;
    }

    /// <summary>The copy whose take source is silent (no service: the shipped behaviour).</summary>
    public static NativePlugin Silent => SilentCopy.Value;

    /// <summary>The copy loaded with ADA_PLUGIN_TEST_TONE=1.</summary>
    public static NativePlugin Tone => ToneCopy.Value;

    /// <summary>The names of the presets the harness installs in ADA_PRESETS, as the plug-in should list them (sorted).</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["Ambient Drift", "Bright Keys"];

    public nint Library { get; }

    public bool ToneEnabled { get; }

    public string PresetsFolder { get; }

    /// <summary>Deletes the loaded copies' temp folders (the mapped libraries stay usable on Linux).</summary>
    public static void DeleteTemporaryFiles()
    {
        foreach (var copy in new[] { SilentCopy, ToneCopy })
        {
            if (copy.IsValueCreated)
            {
                Directory.Delete(Path.GetDirectoryName(copy.Value.PresetsFolder)!, true);
            }
        }
    }

    /// <summary>Calls the exported GetPluginFactory (the caller releases the reference).</summary>
    public IPluginFactory* GetFactory()
    {
        using var _ = EnterEnvironment();
        var entry = (delegate* unmanaged<IPluginFactory*>)NativeLibrary.GetExport(Library, "GetPluginFactory");
        return entry();
    }

    /// <summary>An exported function by name.</summary>
    public nint Export(string name) => NativeLibrary.GetExport(Library, name);

    /// <summary>A new component through the factory, queried for IComponent.</summary>
    public IComponent* CreateComponent()
    {
        using var _ = EnterEnvironment();
        var factory = GetFactory();
        try
        {
            var cid = AdaPluginRegistration.ClassId;
            var iid = IComponent.Iid;
            void* instance = null;
            var result = factory->Vtable->CreateInstance(factory, &cid, &iid, &instance);
            return result == TResult.Ok ? (IComponent*)instance : throw new InvalidOperationException($"createInstance returned {result}");
        }
        finally
        {
            FUnknown.Release(factory);
        }
    }

    /// <summary>Holds the environment lock with this copy's variables set; dispose to release.</summary>
    public Lock.Scope EnterEnvironment()
    {
        var scope = EnvironmentLock.EnterScope();
        Libc.Set("ADA_PRESETS", PresetsFolder);
        Libc.Set("ADA_PLUGIN_TEST_TONE", ToneEnabled ? "1" : null);
        return scope;
    }

    private static NativePlugin Load(bool toneEnabled)
    {
        var folder = Directory.CreateTempSubdirectory(toneEnabled ? "adaplugin-tone-" : "adaplugin-silent-").FullName;
        var presets = Directory.CreateDirectory(Path.Combine(folder, "presets")).FullName;
        File.WriteAllText(Path.Combine(presets, "b.json"), """{ "model": { "name": "not this" }, "name": "Bright Keys", "temperature": 0.8 }""");
        File.WriteAllText(Path.Combine(presets, "a.json"), """{ "name": "Ambient Drift" }""");
        File.WriteAllText(Path.Combine(presets, "notes.txt"), "not a preset");
        // A separate file per copy: dlopen of the same path would return the already-loaded runtime.
        var copy = Path.Combine(folder, "AdaPlugin.so");
        File.Copy(PluginBinary.Path, copy);
        var plugin = new NativePlugin(NativeLibrary.Load(copy), toneEnabled, presets);
        using (plugin.EnterEnvironment())
        {
            // Start the copy's runtime (and its first environment read) while its variables are in place.
            var probe = plugin.CreateComponent();
            FUnknown.Release(probe);
        }
        return plugin;
    }
}
