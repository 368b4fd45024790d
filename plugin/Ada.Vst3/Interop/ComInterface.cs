using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>
/// One interface pointer that native code holds: the vtable pointer first (that is all the COM ABI looks at),
/// then the GCHandles that lead an entry point back to its <see cref="ComObject"/> and to the managed object
/// that implements this interface's behaviour.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ComInterface
{
    public void* Vtable;
    public nint Owner;
    public nint Target;
}
