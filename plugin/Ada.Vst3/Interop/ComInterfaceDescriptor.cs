namespace Ada.Vst3.Interop;

/// <summary>
/// A vtable (in native memory, alive for the whole process) and the interface ids it answers to in queryInterface:
/// its own id first, then the ids of the interfaces it extends (e.g. IComponent also answers IPluginBase).
/// </summary>
public sealed unsafe class ComInterfaceDescriptor(void* vtable, params Tuid[] iids)
{
    /// <summary>The vtable every object exposing this interface points to.</summary>
    public void* Vtable { get; } = vtable;

    /// <summary>The ids queryInterface matches, most specific first.</summary>
    public IReadOnlyList<Tuid> Iids { get; } = iids;
}
