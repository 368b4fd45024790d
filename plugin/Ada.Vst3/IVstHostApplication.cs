namespace Ada.Vst3;

/// <summary>Managed behaviour behind IHostApplication (implemented by hosts).</summary>
public unsafe interface IVstHostApplication
{
    /// <summary>getName: writes the host's name into a String128.</summary>
    int GetName(Span<char> name);

    /// <summary>createInstance: a host object such as an IMessage.</summary>
    int CreateInstance(in Ada.Vst3.Interop.Tuid classId, in Ada.Vst3.Interop.Tuid interfaceId, void** instance);
}
