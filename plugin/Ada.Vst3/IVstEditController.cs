using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>Managed behaviour behind IEditController: parameters as the host (and its UI thread) sees them.</summary>
public unsafe interface IVstEditController : IVstPluginBase
{
    /// <summary>setComponentState: the host hands the controller what the component's getState wrote.</summary>
    int SetComponentState(BStream state);

    /// <summary>setState (controller-only state).</summary>
    int SetState(BStream state);

    /// <summary>getState (controller-only state).</summary>
    int GetState(BStream state);

    /// <summary>getParameterCount.</summary>
    int GetParameterCount();

    /// <summary>getParameterInfo.</summary>
    int GetParameterInfo(int index, ref ParameterInfo info);

    /// <summary>getParamStringByValue: writes into a String128 (<paramref name="text"/> has 128 units).</summary>
    int GetParamStringByValue(uint id, double normalized, Span<char> text);

    /// <summary>getParamValueByString.</summary>
    int GetParamValueByString(uint id, ReadOnlySpan<char> text, out double normalized);

    /// <summary>normalizedParamToPlain.</summary>
    double NormalizedParamToPlain(uint id, double normalized);

    /// <summary>plainParamToNormalized.</summary>
    double PlainParamToNormalized(uint id, double plain);

    /// <summary>getParamNormalized.</summary>
    double GetParamNormalized(uint id);

    /// <summary>setParamNormalized.</summary>
    int SetParamNormalized(uint id, double normalized);

    /// <summary>setComponentHandler: the host's IComponentHandler (or null to drop it).</summary>
    int SetComponentHandler(void* handler);

    /// <summary>createView: an IPlugView pointer, or null where the plug-in has no editor of that type.</summary>
    void* CreateView(string? name);
}
