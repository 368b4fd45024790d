using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>A host-side COM object made with Ada.Vst3's object table; disposing drops the harness's reference.</summary>
internal abstract unsafe class HostObject : IDisposable
{
    protected HostObject(ComInterfaceDescriptor descriptor) => Com = new ComObject(this, descriptor);

    public ComObject Com { get; }

    public void* Pointer => Com.Pointer;

    public virtual void Dispose() => Com.Release();
}
