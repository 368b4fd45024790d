namespace Ada.Vst3;

/// <summary>Managed behaviour behind IParameterChanges (implemented by hosts).</summary>
public unsafe interface IVstParameterChanges
{
    /// <summary>getParameterCount: the number of queues.</summary>
    int GetParameterCount();

    /// <summary>getParameterData: an IParamValueQueue pointer, or null.</summary>
    void* GetParameterData(int index);

    /// <summary>addParameterData: the queue for <paramref name="id"/> (created if new) and its index.</summary>
    void* AddParameterData(uint id, out int index);
}
