namespace Ada.Vst3;

/// <summary>One class a <see cref="PluginFactory"/> offers: its id, the strings hosts show, and how to create it.</summary>
public sealed record PluginClass(Interop.Tuid ClassId, string Name, string SubCategories, string Vendor, string Version, Func<Interop.ComObject> Create)
{
    /// <summary>kVstAudioEffectClass: the category of audio processor components.</summary>
    public const string AudioModuleClass = "Audio Module Class";

    /// <summary>The class category (hosts only instantiate "Audio Module Class" as plug-ins).</summary>
    public string Category { get; init; } = AudioModuleClass;

    /// <summary>The interface version the class was written against, shown by hosts as its SDK version.</summary>
    public string SdkVersion { get; init; } = "VST 3.7.14";
}
