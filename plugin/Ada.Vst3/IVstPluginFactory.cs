using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>Managed behaviour behind IPluginFactory, IPluginFactory2 and IPluginFactory3.</summary>
public unsafe interface IVstPluginFactory
{
    /// <summary>getFactoryInfo.</summary>
    int GetFactoryInfo(ref PFactoryInfo info);

    /// <summary>countClasses.</summary>
    int CountClasses();

    /// <summary>getClassInfo.</summary>
    int GetClassInfo(int index, ref PClassInfo info);

    /// <summary>createInstance: a new object of class <paramref name="classId"/>, queried for <paramref name="interfaceId"/>.</summary>
    int CreateInstance(in Tuid classId, in Tuid interfaceId, void** instance);

    /// <summary>getClassInfo2.</summary>
    int GetClassInfo2(int index, ref PClassInfo2 info);

    /// <summary>getClassInfoUnicode.</summary>
    int GetClassInfoUnicode(int index, ref PClassInfoW info);

    /// <summary>setHostContext.</summary>
    int SetHostContext(void* context);
}
