using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>
/// A reference-counted COM object made of managed parts: a native block of <see cref="ComInterface"/> entries
/// (one per exposed interface) whose GCHandles keep the managed objects alive while native code holds references.
/// The count starts at 1 (the creator's reference); the last release frees the handles and the native block.
/// </summary>
public sealed unsafe class ComObject
{
    private static int s_live;
    private readonly ComInterfaceDescriptor[] _interfaces;
    private readonly ComInterface* _entries;
    private int _refCount = 1;

    /// <summary>Exposes each descriptor's vtable, its entry points dispatching to the paired target.</summary>
    public ComObject(params ReadOnlySpan<(ComInterfaceDescriptor Interface, object Target)> parts)
    {
        if (parts.IsEmpty)
        {
            throw new ArgumentException("A COM object needs at least one interface.", nameof(parts));
        }
        _interfaces = new ComInterfaceDescriptor[parts.Length];
        _entries = (ComInterface*)NativeMemory.AllocZeroed((nuint)(parts.Length * sizeof(ComInterface)));
        var owner = GCHandle.ToIntPtr(GCHandle.Alloc(this));
        for (var i = 0; i < parts.Length; i++)
        {
            _interfaces[i] = parts[i].Interface;
            _entries[i].Vtable = parts[i].Interface.Vtable;
            _entries[i].Owner = owner;
            _entries[i].Target = GCHandle.ToIntPtr(GCHandle.Alloc(parts[i].Target));
        }
        Interlocked.Increment(ref s_live);
    }

    /// <summary>Exposes several interfaces that one object implements.</summary>
    public ComObject(object target, params ReadOnlySpan<ComInterfaceDescriptor> interfaces)
        : this(Pair(target, interfaces))
    {
    }

    /// <summary>How many COM objects made by this module are alive (not yet released to zero): a leak check for tests.</summary>
    public static int LiveCount => Volatile.Read(ref s_live);

    /// <summary>The current reference count.</summary>
    public int ReferenceCount => Volatile.Read(ref _refCount);

    /// <summary>The first interface: the object's identity, and the pointer the creator hands out.</summary>
    public void* Pointer => _entries;

    /// <summary>The object behind an interface pointer that one of our vtables was called with.</summary>
    public static ComObject FromPointer(void* self) =>
        (ComObject)GCHandle.FromIntPtr(((ComInterface*)self)->Owner).Target!;

    /// <summary>The managed implementation behind an interface pointer.</summary>
    public static T TargetOf<T>(void* self) where T : class =>
        (T)GCHandle.FromIntPtr(((ComInterface*)self)->Target).Target!;

    /// <summary>FUnknown::queryInterface: the first entry whose descriptor answers <paramref name="iid"/>, with a reference added.</summary>
    public int QueryInterface(in Tuid iid, void** result)
    {
        for (var i = 0; i < _interfaces.Length; i++)
        {
            if (iid.Equals(FUnknown.Iid) || Answers(_interfaces[i], iid))
            {
                AddRef();
                *result = _entries + i;
                return TResult.Ok;
            }
        }
        *result = null;
        return TResult.NoInterface;
    }

    /// <summary>FUnknown::addRef.</summary>
    public uint AddRef() => (uint)Interlocked.Increment(ref _refCount);

    /// <summary>FUnknown::release: frees everything when the count reaches zero.</summary>
    public uint Release()
    {
        var count = Interlocked.Decrement(ref _refCount);
        if (count == 0)
        {
            Free();
        }
        return (uint)Math.Max(count, 0);
    }

    private void Free()
    {
        var disposed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _interfaces.Length; i++)
        {
            var target = GCHandle.FromIntPtr(_entries[i].Target);
            if (target.Target is IDisposable disposable && disposed.Add(disposable))
            {
                disposable.Dispose();
            }
            target.Free();
        }
        GCHandle.FromIntPtr(_entries[0].Owner).Free();
        NativeMemory.Free(_entries);
        Interlocked.Decrement(ref s_live);
    }

    private static bool Answers(ComInterfaceDescriptor descriptor, in Tuid iid)
    {
        foreach (var id in descriptor.Iids)
        {
            if (id.Equals(iid))
            {
                return true;
            }
        }
        return false;
    }

    private static (ComInterfaceDescriptor, object)[] Pair(object target, ReadOnlySpan<ComInterfaceDescriptor> interfaces)
    {
        var parts = new (ComInterfaceDescriptor, object)[interfaces.Length];
        for (var i = 0; i < interfaces.Length; i++)
        {
            parts[i] = (interfaces[i], target);
        }
        return parts;
    }
}
